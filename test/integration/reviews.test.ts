import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { Clock } from '@lectern/clock/clock';
import { User, complete, draft, expectProblem, openCfp, speaker, submitted } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { Response, TestApi, signUp, startApi } from '@test/support/harness';
import { autoAssign, openReview, review, reviewer } from '@test/support/reviews';
import { Problem, Wire } from '@test/support/api-types';
import { SubmissionDto } from '@api/cfp/submissions.dto';
import { AssignedPageDto, AssignedSubmissionDetailDto } from '@api/reviews/reviews.dto';
import { OpenApiDocument } from '@test/support/contract';
import { ReviewSettingsDto } from '@api/reviews/review-settings.dto';

const db = () => inject('databaseUrl');

describe('review settings and reviews', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lets organisers set the review form (default criteria, local window) and reviewers read it', async () => {
    const event = await openCfp(api);
    const token = event.organiser.token;
    const base = `/v1/events/${event.slug}/review-settings`;
    expectProblem(await api.http.get(base, { token }), 404, 'REVIEW_NOT_CONFIGURED');

    const put = await api.http.request<Wire<ReviewSettingsDto>>('PUT', base, { token, body: { opensAt: '2030-03-05T09:00:00', closesAt: '2030-03-25T23:59:59' } });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({
      scaleMin: 1,
      scaleMax: 5,
      reviewsPerSubmission: 3,
      anonymised: true,
      promoteFromWaitlist: true,
      opensAt: '2030-03-05T01:00:00.000Z',
      closesAtLocal: '2030-03-25T23:59:59+08:00',
      isOpen: false,
      confidenceLevels: [1, 2, 3],
    });
    expect(put.body.criteria.map((c: { key: string; weight: number }) => [c.key, c.weight])).toEqual([
      ['relevance', 2], ['clarity', 1], ['originality', 1], ['expertise', 1],
    ]);

    const invalid = await api.http.request<Problem>('PUT', base, {
      token,
      body: { opensAt: '2030-03-05T09:00:00', closesAt: '2030-03-25T23:59:59', criteria: [{ key: 'a', name: { en: 'A' }, weight: 1 }, { key: 'a', name: { en: 'Again' }, weight: 2 }] },
    });
    expectProblem(invalid, 400, 'REVIEW_CRITERIA_INVALID');
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'criteria.1.key' })]);
    const untranslatable = await api.http.request<Problem>('PUT', base, {
      token,
      body: { opensAt: '2030-03-05T09:00:00', closesAt: '2030-03-25T23:59:59', criteria: [{ key: 'a', name: { en: 'A' }, description: { en: 'Fit', ja: '適合' }, weight: 1 }] },
    });
    expectProblem(untranslatable, 400, 'LOCALIZED_TEXT_INVALID');
    expect(untranslatable.body.errors).toEqual([expect.objectContaining({ field: 'criteria.0.description.ja', code: 'languageNotPublished' })]);
    expectProblem(await api.http.request('PUT', base, { token, body: { opensAt: '2030-03-25T00:00:00', closesAt: '2030-03-05T00:00:00' } }), 400, 'REVIEW_WINDOW_INVALID');
    expectProblem(await api.http.request('PUT', base, { token, body: { opensAt: '2030-03-05T00:00:00', closesAt: '2030-03-25T00:00:00', scaleMin: 5, scaleMax: 5 } }), 400, 'REVIEW_SCALE_INVALID');
    const weightless = await api.http.request<Problem>('PUT', base, { token, body: { opensAt: '2030-03-05T00:00:00', closesAt: '2030-03-25T00:00:00', criteria: [{ key: 'a', name: { en: 'A' }, weight: 0 }] } });
    expectProblem(weightless, 400, 'VALIDATION_FAILED');
    expect(weightless.body.errors).toEqual([expect.objectContaining({ field: 'criteria.0.weight', code: 'min' })]);

    const rev = await reviewer(api, event.slug, token, 'reader');
    const read = await api.http.get<Wire<ReviewSettingsDto>>(base, { token: rev.token, lang: 'zh-CN' });
    expect(read.status).toBe(200);
    expect(read.body.criteria[0]).toMatchObject({ key: 'relevance', name: { en: 'Relevance', 'zh-CN': '相关性' } });
    expectProblem(await api.http.request('PUT', base, { token: rev.token, body: { opensAt: '2030-03-05T00:00:00', closesAt: '2030-03-25T00:00:00' } }), 403, 'FORBIDDEN');
    const stranger = await signUp(api.http, 'stranger');
    expectProblem(await api.http.get(base, { token: stranger.token }), 403, 'FORBIDDEN');
  });

  it('keeps one review per reviewer and submission, even for two simultaneous first reviews, editable only in the window', async () => {
    const event = await openCfp(api);
    const token = event.organiser.token;
    await openReview(api, event.slug, token);
    const rev = await reviewer(api, event.slug, token, 'racer');
    const proposal = await submitted(api, event.slug, await speaker(api, 'raced'));
    await autoAssign(api, event.slug, token);
    const path = `/v1/events/${event.slug}/review/submissions/${proposal.id}/review`;

    const [a, b] = await Promise.all([
      api.http.post<Problem>(path, review(4), { token: rev.token }),
      api.http.post<Problem>(path, review(2), { token: rev.token }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('REVIEW_EXISTS');
    const rows = await query<{ n: number }>(db(), 'SELECT count(*)::int AS n FROM reviews WHERE submission_id = $1', [proposal.id]);
    expect(rows[0].n).toBe(1);

    const bad = await api.http.request<Problem>('PUT', path, { token: rev.token, body: { scores: { relevance: 6, clarity: 2.5, extra: 1 }, confidence: 2 } });
    expectProblem(bad, 400, 'REVIEW_SCORES_INVALID');
    expect(bad.body.errors!.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      'scores.clarity:isInt', 'scores.expertise:isDefined', 'scores.extra:unknownField', 'scores.originality:isDefined', 'scores.relevance:max',
    ]);
    const edited = await api.http.request<Wire<AssignedSubmissionDetailDto>>('PUT', path, {
      token: rev.token,
      body: { scores: { relevance: 5, clarity: 3, originality: 3, expertise: 3 }, confidence: 3, committeeComment: 'Solid', speakerComment: 'Show a demo' },
    });
    expect(edited.status, edited.text).toBe(200);
    // weighted mean: (2·5 + 3 + 3 + 3) / 5
    expect(edited.body.review).toMatchObject({ score: 3.8, confidence: 3, scores: { relevance: 5, clarity: 3 }, speakerComment: 'Show a demo' });
    expect(edited.body.editable).toBe(true);

    // the form is frozen once a review exists
    const settings = `/v1/events/${event.slug}/review-settings`;
    expectProblem(
      await api.http.request('PUT', settings, { token, body: { opensAt: '2000-01-01T00:00:00Z', closesAt: '2099-12-31T23:59:59Z', criteria: [{ key: 'fit', name: { en: 'Fit' }, weight: 1 }] } }),
      409,
      'REVIEW_CRITERIA_LOCKED',
    );
    const reopened = await api.http.request('PUT', settings, { token, body: { opensAt: '2000-01-01T00:00:00Z', closesAt: '2030-03-01T00:00:00Z' } });
    expect(reopened.status, reopened.text).toBe(200);

    const clock = api.app.get(Clock);
    vi.spyOn(clock, 'now').mockReturnValue(new Date('2030-03-01T00:00:00.000Z'));
    expect((await api.http.request('PUT', path, { token: rev.token, body: review(1) })).status).toBe(200);
    vi.spyOn(clock, 'now').mockReturnValue(new Date('2030-03-01T00:00:00.001Z'));
    const late = await api.http.request<Problem>('PUT', path, { token: rev.token, body: review(5), lang: 'zh-CN' });
    expectProblem(late, 409, 'REVIEW_CLOSED');
    expect(late.body.closesAtLocal).toBe('2030-03-01T08:00:00+08:00');
    vi.spyOn(clock, 'now').mockReturnValue(new Date('1999-12-31T23:59:59Z'));
    expectProblem(await api.http.request('PUT', path, { token: rev.token, body: review(5) }), 409, 'REVIEW_NOT_OPEN');
    const audit = await query<{ action: string }>(db(), `SELECT action FROM audit_log WHERE entity_type = 'review' AND after->>'submissionId' = $1 ORDER BY id`, [proposal.id]);
    expect(audit.map((r) => r.action)).toEqual(['review.created', 'review.updated', 'review.updated']);
  });
});

describe('conflicts of interest and anonymity', () => {
  let api: TestApi;
  let slug: string;
  let organiserToken: string;
  let rev: User;
  let ken: User;
  const ids: Record<string, string> = {};
  /** Everything that identifies a speaker: names, e-mails, companies, user ids. */
  const secrets: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    const event = await openCfp(api);
    slug = event.slug;
    organiserToken = event.organiser.token;
    await openReview(api, slug, organiserToken, { reviewsPerSubmission: 3 });
    const tag = randomBytes(3).toString('hex');
    const acme = `Acme Rockets ${tag}`;
    rev = await reviewer(api, slug, organiserToken, `rev${tag}`, acme);
    await reviewer(api, slug, organiserToken, `second${tag}`);
    await reviewer(api, slug, organiserToken, `third${tag}`);

    const speakerWith = async (key: string, name: string, company: string) => {
      const user = await signUp(api.http, `${key}${tag}`);
      const saved = await api.http.request('PUT', '/v1/me/speaker-profile', {
        token: user.token,
        body: { name, bio: 'Bio.', company, jobTitle: 'Engineer', country: 'CN', firstTimeSpeaker: false },
      });
      expect(saved.status, saved.text).toBe(200);
      secrets.push(name, `Test ${key}${tag}`, user.email, company.trim(), user.id);
      return user;
    };
    const ada = await speakerWith('ada', `Ada Lovelace ${tag}`, `Analytical Engines ${tag}`);
    const grace = await speakerWith('grace', `Grace Hopper ${tag}`, `  ${acme.toUpperCase()}  `);
    const linus = await speakerWith('linus', `Linus Torvalds ${tag}`, `Kernel Org ${tag}`);
    const margaret = await speakerWith('margaret', `Margaret Hamilton ${tag}`, `Apollo Software ${tag}`);
    const barbara = await speakerWith('barbara', `Barbara Liskov ${tag}`, `Substitution Labs ${tag}`);
    ken = await speakerWith('ken', `Ken Thompson ${tag}`, `Unix Room ${tag}`);

    ids.clean = (await submitted(api, slug, ada, complete('Clean proposal'))).id;
    ids.clean2 = (await submitted(api, slug, ada, complete('Another clean proposal'))).id;
    ids.company = (await submitted(api, slug, grace, complete('Same company as the reviewer'))).id;
    ids.self = (await submitted(api, slug, rev, complete('The reviewer’s own talk'))).id;
    // the reviewer co-presents with Linus on one proposal, so Linus's own proposal conflicts too
    const shared = await draft(api, slug, linus, complete('Co-presented by the reviewer'));
    const invited = await api.http.post<Wire<SubmissionDto>>(`/v1/events/${slug}/submissions/${shared.id}/cospeakers`, { email: rev.email }, { token: linus.token });
    expect(invited.status, invited.text).toBe(200);
    const accepted = await api.http.post(`/v1/events/${slug}/cospeaker-invitations/${invited.body.invitations[0].id}/accept`, undefined, { token: rev.token });
    expect(accepted.status, accepted.text).toBe(200);
    expect((await api.http.post(`/v1/events/${slug}/submissions/${shared.id}/submit`, undefined, { token: linus.token })).status).toBe(200);
    ids.shared = shared.id;
    ids.coSpeaker = (await submitted(api, slug, linus, complete('Linus alone'))).id;
    ids.recuse = (await submitted(api, slug, margaret, complete('The reviewer will recuse'))).id;
    ids.declared = (await submitted(api, slug, barbara, complete('Declared by an organiser'))).id;
    ids.later = (await submitted(api, slug, ken, complete('Conflicts after assignment'))).id;

    const conflict = await api.http.post(`/v1/events/${slug}/review-conflicts`, { reviewerId: rev.id, submissionId: ids.declared, reason: 'Former manager' }, { token: organiserToken });
    expect(conflict.status, conflict.text).toBe(201);
  });
  afterAll(() => api.close());

  async function listAll(token: string) {
    const seen: { id: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: Response<Wire<AssignedPageDto>> = await api.http.get(`/v1/events/${slug}/review/assignments?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token });
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return seen;
  }

  it('never assigns, lists, shows or lets the reviewer score a conflicted submission, even by id (404, not 403)', async () => {
    const run = await autoAssign(api, slug, organiserToken);
    expect(run).toMatchObject({ submissions: 9, reviewers: 3, removed: 0 });
    const assigned = await query<{ submission_id: string }>(db(), 'SELECT submission_id FROM review_assignments WHERE reviewer_id = $1', [rev.id]);
    const conflicted = [ids.company, ids.self, ids.shared, ids.coSpeaker, ids.declared];
    expect(assigned.map((a) => a.submission_id).sort()).toEqual([ids.clean, ids.clean2, ids.recuse, ids.later].sort());
    expect((await listAll(rev.token)).map((i) => i.id).sort()).toEqual([ids.clean, ids.clean2, ids.recuse, ids.later].sort());

    const missing = await api.http.get<Problem>(`/v1/events/${slug}/review/submissions/${randomUUID()}`, { token: rev.token });
    expectProblem(missing, 404, 'REVIEW_SUBMISSION_NOT_FOUND');
    for (const id of conflicted) {
      const base = `/v1/events/${slug}/review/submissions/${id}`;
      for (const response of [
        await api.http.get<Problem>(base, { token: rev.token }),
        await api.http.post<Problem>(`${base}/review`, review(5), { token: rev.token }),
        await api.http.request<Problem>('PUT', `${base}/review`, { token: rev.token, body: review(5) }),
        await api.http.post<Problem>(`${base}/conflict`, {}, { token: rev.token }),
      ]) {
        expectProblem(response, 404, 'REVIEW_SUBMISSION_NOT_FOUND');
        expect({ ...response.body, instance: undefined, requestId: undefined }).toEqual({ ...missing.body, instance: undefined, requestId: undefined });
      }
      const manual = await api.http.post(`/v1/events/${slug}/review-assignments`, { reviewerId: rev.id, submissionId: id }, { token: organiserToken });
      expectProblem(manual, 409, 'REVIEW_CONFLICT_OF_INTEREST');
    }

    // even an assignment row that exists (made before the conflict arose) gives the reviewer nothing
    await query(db(), `INSERT INTO review_assignments (id, event_id, submission_id, reviewer_id) SELECT gen_random_uuid(), event_id, id, $2 FROM submissions WHERE id = $1`, [ids.company, rev.id]);
    expectProblem(await api.http.get(`/v1/events/${slug}/review/submissions/${ids.company}`, { token: rev.token }), 404, 'REVIEW_SUBMISSION_NOT_FOUND');
    expect((await listAll(rev.token)).map((i) => i.id)).not.toContain(ids.company);
    // ... and the next run removes it
    expect((await autoAssign(api, slug, organiserToken)).removed).toBe(1);

    // a conflict can arise after assignment: the reviewer starts co-presenting with Ken on a new draft
    const together = await draft(api, slug, ken, complete('Ken and the reviewer'));
    const invitation = await api.http.post<Wire<SubmissionDto>>(`/v1/events/${slug}/submissions/${together.id}/cospeakers`, { email: rev.email }, { token: ken.token });
    expect(invitation.status, invitation.text).toBe(200);
    const joined = await api.http.post(`/v1/events/${slug}/cospeaker-invitations/${invitation.body.invitations[0].id}/accept`, undefined, { token: rev.token });
    expect(joined.status, joined.text).toBe(200);
    expectProblem(await api.http.get(`/v1/events/${slug}/review/submissions/${ids.later}`, { token: rev.token }), 404, 'REVIEW_SUBMISSION_NOT_FOUND');
    expect((await listAll(rev.token)).map((i) => i.id)).not.toContain(ids.later);
    expect((await autoAssign(api, slug, organiserToken)).removed).toBe(1);
  });

  it('keeps every reviewer-facing response, errors included, free of speaker names, e-mails, companies and ids', async () => {
    const docs = await api.http.get<OpenApiDocument>('/docs-json');
    const reviewerRoutes = Object.entries(docs.body.paths as Record<string, Record<string, { tags?: string[] }>>)
      .flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => op.tags?.includes('reviewing')).map(([method]) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(reviewerRoutes.length).toBeGreaterThanOrEqual(6);
    for (const route of reviewerRoutes.filter((r) => r.includes('/review/'))) {
      const [method, path] = route.split(' ');
      expect(docs.body.paths[path][method.toLowerCase()].description, route).toContain('404 REVIEW_SUBMISSION_NOT_FOUND');
    }
    const otherRoutes = Object.entries(docs.body.paths as Record<string, Record<string, { tags?: string[] }>>)
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.tags?.some((t) => t === 'reviews' || t === 'decisions') && !op.tags.includes('reviewing'))
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      )
      .sort();

    const walked = new Set<string>();
    const responses: { label: string; response: Response }[] = [];
    const call = async (method: string, template: string, params: Record<string, string>, body?: unknown, lang?: string) => {
      const path = Object.entries({ slug, ...params }).reduce((p, [k, v]) => p.replace(`{${k}}`, v), `/v1${template}`);
      const response = await api.http.request(method, path, { token: rev.token, body, lang });
      walked.add(`${method} /v1${template.split('?')[0]}`);
      responses.push({ label: `${method} ${path} → ${response.status}`, response });
      return response;
    };
    const reviewRoute = (suffix = '') => `/events/{slug}/review/submissions/{id}${suffix}`;

    expect((await call('GET', '/events/{slug}/review-settings', {})).status).toBe(200);
    const list = (await call('GET', '/events/{slug}/review/assignments', {}, undefined)) as Response<{ items: Record<string, unknown>[] }>;
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items[0].speakers).toBeUndefined();
    await call('GET', '/events/{slug}/review/assignments?limit=1&status=PENDING', {});
    await call('GET', '/events/{slug}/review/assignments?status=REVIEWED', {});
    expectProblem(await call('GET', '/events/{slug}/review/assignments?cursor=bogus', {}, undefined, 'zh-CN'), 400, 'CURSOR_INVALID');
    expectProblem(await call('GET', '/events/{slug}/review/assignments?limit=0', {}), 400, 'VALIDATION_FAILED');
    for (const item of list.body.items as { id: string }[]) expect((await call('GET', reviewRoute(), { id: item.id })).status).toBe(200);
    for (const id of Object.values(ids)) await call('GET', reviewRoute(), { id });
    expectProblem(await call('GET', reviewRoute(), { id: 'not-a-uuid' }), 400, 'VALIDATION_FAILED');

    expect((await call('POST', reviewRoute('/review'), { id: ids.clean }, review(4, { speakerComment: 'Nice', committeeComment: 'Fine' }))).status).toBe(201);
    expectProblem(await call('POST', reviewRoute('/review'), { id: ids.clean }, review(4)), 409, 'REVIEW_EXISTS');
    expectProblem(await call('POST', reviewRoute('/review'), { id: ids.clean2 }, { scores: { relevance: 9 }, confidence: 7 }), 400, 'VALIDATION_FAILED');
    expectProblem(await call('POST', reviewRoute('/review'), { id: ids.clean2 }, { scores: { relevance: 9 }, confidence: 2 }, 'zh-CN'), 400, 'REVIEW_SCORES_INVALID');
    expectProblem(await call('POST', reviewRoute('/review'), { id: ids.company }, review(4)), 404, 'REVIEW_SUBMISSION_NOT_FOUND');
    expect((await call('PUT', reviewRoute('/review'), { id: ids.clean }, review(3))).status).toBe(200);
    expectProblem(await call('PUT', reviewRoute('/review'), { id: ids.clean2 }, review(3)), 404, 'REVIEW_NOT_FOUND');
    expectProblem(await call('PUT', reviewRoute('/review'), { id: ids.self }, review(3)), 404, 'REVIEW_SUBMISSION_NOT_FOUND');
    expect((await call('POST', reviewRoute('/conflict'), { id: ids.recuse }, { reason: 'I know who wrote it' })).status).toBe(204);
    expectProblem(await call('GET', reviewRoute(), { id: ids.recuse }), 404, 'REVIEW_SUBMISSION_NOT_FOUND');
    expectProblem(await call('POST', reviewRoute('/conflict'), { id: ids.coSpeaker }, {}), 404, 'REVIEW_SUBMISSION_NOT_FOUND');
    expect(walked).toEqual(new Set(reviewerRoutes));

    // Organiser-only routes answer a reviewer with a bare 403, and the CFP's own views with 403 or 404.
    for (const route of otherRoutes) {
      const [method, template] = route.split(' ');
      const response = await call(method, template.replace('/v1', ''), { id: ids.clean, userId: rev.id }, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect([403, 404], `${route}: ${response.text}`).toContain(response.status);
      if (response.status === 404) expect(route).toMatch(/\/(decision|confirm|decline)$/);
    }
    expectProblem(await call('GET', '/events/{slug}/submissions/{id}', { id: ids.clean }), 404, 'SUBMISSION_NOT_FOUND');
    expectProblem(await call('GET', '/events/{slug}/submissions', {}), 403, 'FORBIDDEN');

    expect(secrets.length).toBe(30);
    for (const { label, response } of responses) {
      const text = response.text.toLowerCase();
      for (const secret of secrets) expect(text.includes(secret.toLowerCase()), `${label} leaks "${secret}"`).toBe(false);
    }
  });

  it('shows names and companies (never e-mails or ids) only when an event turns anonymisation off', async () => {
    const event = await openCfp(api);
    await openReview(api, event.slug, event.organiser.token, { anonymised: false });
    const open = await reviewer(api, event.slug, event.organiser.token, 'openrev');
    const author = await speaker(api, 'visible', { company: 'Visible Co' });
    const proposal = await submitted(api, event.slug, author);
    await autoAssign(api, event.slug, event.organiser.token);
    const list = await api.http.get(`/v1/events/${event.slug}/review/assignments`, { token: open.token });
    expect(list.body).toMatchObject({ anonymised: false, items: [{ id: proposal.id, speakers: [{ name: 'Speaker visible', company: 'Visible Co', jobTitle: 'Engineer' }] }] });
    const detail = await api.http.get<Wire<AssignedSubmissionDetailDto>>(`/v1/events/${event.slug}/review/submissions/${proposal.id}`, { token: open.token });
    expect(detail.body.speakers).toEqual([{ name: 'Speaker visible', company: 'Visible Co', jobTitle: 'Engineer' }]);
    for (const text of [list.text, detail.text]) {
      expect(text).not.toContain(author.email);
      expect(text).not.toContain(author.id);
    }
    // the list gives each submission as the reviewer's view of it does, their review included
    const path = `/v1/events/${event.slug}/review/submissions/${proposal.id}`;
    expect((await api.http.post(`${path}/review`, review(4, { committeeComment: 'Solid' }), { token: open.token })).status).toBe(201);
    const listed = await api.http.get<Wire<AssignedPageDto>>(`/v1/events/${event.slug}/review/assignments`, { token: open.token });
    expect(listed.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const { description: _description, answers: _answers, editable: _editable, ...view } = (await api.http.get<Wire<AssignedSubmissionDetailDto>>(path, { token: open.token })).body;
    expect(view.review).toMatchObject({ score: 4, committeeComment: 'Solid' });
    expect(listed.body.items).toEqual([view]);
  });
});
