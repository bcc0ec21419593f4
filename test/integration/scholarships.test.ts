import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Clock } from '@lectern/clock/clock';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, logIn, signUp, startApi } from '@test/support/harness';
import { applicant, application, award, db, expectProblem, grant, scholarshipEvent } from '@test/support/scholarships';
import { Problem, Wire } from '@test/support/api-types';
import { AuditPageDto } from '@api/events/events.dto';
import { ApplicationDto, ApplicationPageDto } from '@api/scholarships/applications.dto';
import { AwardPageDto } from '@api/scholarships/awards.dto';
import { ApplicationReviewDto, AssignedListDto, CommitteeAssignmentRunDto, ScholarshipRankingPageDto } from '@api/scholarships/committee.dto';
import { ProgrammeDto, ProgrammeTotalsDto } from '@api/scholarships/programmes.dto';

describe('scholarships', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('runs the whole flow over HTTP: programme, apply, review, rank, award, accept, registration', async () => {
    const setup = await scholarshipEvent(api, { members: 2, seats: 10 });
    const { slug, organiser, committee, programmeId } = setup;
    const [harsh, lenient] = committee;
    const base = `/v1/events/${slug}/scholarships`;

    // anyone sees the programme; only staff see its budget
    const open = await api.http.get<Wire<ProgrammeDto>[]>(`${base}/programmes`);
    expect(open.status, open.text).toBe(200);
    expect(open.body).toEqual([
      expect.objectContaining({ id: programmeId, key: 'diversity', kind: 'DIVERSITY', isOpen: true, travelCapMinor: 150_000, currency: 'USD' }),
    ]);
    expect(open.body[0].freeRegistration).toMatchObject({ name: { en: 'Scholarship', 'zh-CN': '奖学金' } });
    expect(open.body[0]).not.toHaveProperty('budgetMinor');
    expect((await api.http.get<Wire<ProgrammeDto>>(`${base}/programmes/${programmeId}`, { token: organiser.token })).body.budgetMinor).toBe(30_000_000);

    const a = await applicant(api, setup, 'ada');
    const b = await applicant(api, setup, 'bola');
    const c = await applicant(api, setup, 'chen', { travelOrigin: 'CN', requestedTravelMinor: 90_000 });

    // the applicant's own view: everything they gave, nothing about reviewers
    const mine = await api.http.get<Wire<ApplicationDto>[]>(`${base}/applications/mine`, { token: a.user.token });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        id: a.applicationId,
        state: 'SUBMITTED',
        editable: true,
        travelOrigin: 'NG',
        requestedTravelMinor: 120_000,
        selfDescribed: { gender: null, firstTimeAttendee: null, underrepresented: true, backgroundNote: 'First engineer in my family.' },
        award: null,
      }),
    ]);
    expect(mine.body[0]).not.toHaveProperty('applicant');

    // balanced assignment: with two members and two reviews wanted, both members review all three
    const run = await api.http.post(`${base}/programmes/${programmeId}/assignments`, undefined, { token: harsh.token });
    expect(run.status, run.text).toBe(200);
    expect(run.body).toMatchObject({ applications: 3, members: 2, reviewsPerApplication: 2, added: 6, understaffed: 0, loads: { min: 3, max: 3 } });
    const again = await api.http.post<Wire<CommitteeAssignmentRunDto>>(`${base}/programmes/${programmeId}/assignments`, undefined, { token: lenient.token });
    expect(again.body.added).toBe(0);

    const assigned = await api.http.get<Wire<AssignedListDto>>(`${base}/reviews/assigned`, { token: harsh.token });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body.progress).toEqual({ assigned: 3, reviewed: 0 });
    expect(assigned.body.items[0]).toMatchObject({ statement: expect.any(String), selfDescribed: expect.any(Object), review: null });

    // a harsh member with a wide spread and a lenient one with a narrow spread: raw means tie A and C, the
    // calibrated scores do not
    const scores: [typeof harsh, string, number][] = [
      [harsh, a.applicationId, 1],
      [harsh, b.applicationId, 2],
      [harsh, c.applicationId, 3],
      [lenient, a.applicationId, 5],
      [lenient, b.applicationId, 5],
      [lenient, c.applicationId, 3],
    ];
    for (const [member, id, score] of scores) {
      const put = await api.http.request<Wire<ApplicationReviewDto>>('PUT', `${base}/applications/${id}/reviews/mine`, {
        token: member.token,
        body: { score, confidence: 2, comment: `score ${score}` },
      });
      expect(put.status, put.text).toBe(200);
      expect(put.body.review).toMatchObject({ score, confidence: 2 });
    }
    // sending again replaces the member's one review
    const replaced = await api.http.request<Wire<ApplicationReviewDto>>('PUT', `${base}/applications/${c.applicationId}/reviews/mine`, {
      token: lenient.token,
      body: { score: 3, confidence: 2, comment: null },
    });
    expect(replaced.body.review!.comment).toBeNull();
    const reviews = await api.http.get<Wire<ApplicationReviewDto>[]>(`${base}/applications/${c.applicationId}/reviews`, { token: harsh.token });
    expect(reviews.body.map((r) => r.review!.score).sort()).toEqual([3, 3]);
    const scoreRows = await query(db(), 'SELECT count(*)::int AS n FROM scholarship_reviews WHERE application_id = $1', [c.applicationId]);
    expect(scoreRows[0].n).toBe(2);

    const ranking = await api.http.get<Wire<ScholarshipRankingPageDto>>(`${base}/programmes/${programmeId}/rankings`, { token: lenient.token });
    expect(ranking.status, ranking.text).toBe(200);
    expect(ranking.body.items.map((r: { applicationId: string }) => r.applicationId)).toEqual([b.applicationId, c.applicationId, a.applicationId]);
    const [first, second, third] = ranking.body.items;
    expect(first).toMatchObject({ rank: 1, reviews: 2, wanted: 2, mean: 3.5, award: null });
    expect(second.mean).toBe(3);
    expect(third.mean).toBe(3);
    expect(second.calibrated).toBeGreaterThan(third.calibrated!);
    expect(ranking.body.remainingMinor).toBe(30_000_000);
    const paged = await api.http.get<Wire<ScholarshipRankingPageDto>>(`${base}/programmes/${programmeId}/rankings?limit=2`, { token: lenient.token });
    expect(paged.body.items).toHaveLength(2);
    const rest = await api.http.get<Wire<ScholarshipRankingPageDto>>(`${base}/programmes/${programmeId}/rankings?limit=2&cursor=${paged.body.nextCursor}`, { token: lenient.token });
    expect(rest.body.items.map((r: { rank: number }) => r.rank)).toEqual([3]);
    expect(rest.body.nextCursor).toBeNull();

    // the best-ranked applicant gets a travel grant and a free registration
    const awarded = await award(api, setup, harsh.token, b.applicationId, { travelGrantMinor: 120_000 });
    expect(awarded.status, awarded.text).toBe(201);
    expect(awarded.body).toMatchObject({
      state: 'OFFERED',
      travelGrantMinor: 120_000,
      currency: 'USD',
      includesRegistration: true,
      registrationId: expect.any(String),
      recipient: { id: b.user.id },
    });
    const outbox = await query(db(), `SELECT payload FROM outbox WHERE type = 'scholarship.awarded' AND payload->>'awardId' = $1`, [awarded.body.id]);
    expect(outbox).toEqual([{ payload: expect.objectContaining({ applicationId: b.applicationId, awardId: awarded.body.id }) }]);
    expectProblem(await award(api, setup, harsh.token, b.applicationId, { travelGrantMinor: 1 }), 409, 'SCHOLARSHIP_ALREADY_AWARDED');

    // the recipient sees and accepts it; nobody else can
    const recipientView = await api.http.get<Wire<ApplicationDto>[]>(`${base}/applications/mine`, { token: b.user.token });
    expect(recipientView.body[0].award).toMatchObject({ id: awarded.body.id, state: 'OFFERED', travelGrantMinor: 120_000 });
    expectProblem(await api.http.post(`${base}/awards/${awarded.body.id}/accept`, undefined, { token: a.user.token }), 404, 'SCHOLARSHIP_AWARD_NOT_FOUND');
    const accepted = await api.http.post(`${base}/awards/${awarded.body.id}/accept`, undefined, { token: b.user.token });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'ACCEPTED', respondedAt: expect.any(String) });
    expect(accepted.body).not.toHaveProperty('recipient');
    expectProblem(await api.http.post(`${base}/awards/${awarded.body.id}/accept`, undefined, { token: b.user.token }), 409, 'SCHOLARSHIP_AWARD_STATE');

    // the free registration exists, confirmed, of the scholarship ticket type
    const registration = await api.http.get(`/v1/events/${slug}/registrations/me`, { token: b.user.token });
    expect(registration.status, registration.text).toBe(200);
    expect(registration.body).toMatchObject({
      id: awarded.body.registrationId,
      state: 'CONFIRMED',
      priceCents: 0,
      ticketType: { id: setup.ticketTypeId, category: 'SCHOLARSHIP' },
      badgeToken: expect.any(String),
    });

    // organisers see counts and amounts: the transparency report's figures
    const totals = await api.http.get<Wire<ProgrammeTotalsDto>[]>(`${base}/summary`, { token: organiser.token });
    expect(totals.status, totals.text).toBe(200);
    expect(totals.body).toEqual([
      expect.objectContaining({
        key: 'diversity',
        applications: 3,
        withdrawn: 0,
        awards: { offered: 0, accepted: 1, declined: 0, revoked: 0 },
        committedMinor: 120_000,
        grantedMinor: 120_000,
        remainingMinor: 30_000_000 - 120_000,
        registrations: 1,
      }),
    ]);

    // every committee action is in the audit log, which organisers read: no statement, answer or comment in it
    const audit = await api.http.get<Wire<AuditPageDto>>(`/v1/events/${slug}/audit?limit=200`, { token: organiser.token });
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'scholarship.programme_created',
        'scholarship.application_submitted',
        'scholarship.assignments_generated',
        'scholarship.review_created',
        'scholarship.review_updated',
        'scholarship.awarded',
        'scholarship.award_accepted',
        'registration.created',
      ]),
    );
    const committeeIds = new Set(committee.map((m) => m.id));
    const byCommittee = audit.body.items.filter((e: { actor: { id: string } | null }) => e.actor && committeeIds.has(e.actor.id));
    expect(byCommittee.filter((e: { action: string }) => e.action === 'scholarship.review_created')).toHaveLength(6);
    const logText = JSON.stringify(audit.body);
    expect(logText).not.toContain('CNI plugin');
    expect(logText).not.toContain('First engineer');
    expect(logText).not.toContain('score 5');
  });

  it('shows an application only to its applicant and the committee: 404 for everyone else, even by id', async () => {
    const setup = await scholarshipEvent(api, { members: 1 });
    const { slug, organiser, committee, programmeId } = setup;
    const base = `/v1/events/${slug}/scholarships`;
    const x = await applicant(api, setup, 'xena');
    const y = await applicant(api, setup, 'yusuf');
    const talkReviewer = await signUp(api.http, 'talk-reviewer');
    await grant(api, slug, organiser.token, talkReviewer, 'REVIEWER');
    const other = await scholarshipEvent(api, { members: 1 });
    const otherMember = other.committee[0];

    const paths = [`${base}/applications/${x.applicationId}`, `${base}/applications/${x.applicationId}/reviews`];
    for (const [who, token] of [
      ['organiser without the committee role', organiser.token],
      ['another applicant', y.user.token],
      ['a reviewer of talks', talkReviewer.token],
      ['a committee member of another event', otherMember.token],
    ] as const) {
      for (const path of paths) {
        const response = await api.http.get<Problem>(path, { token });
        expect(response.status, `${who}: ${path}`).toBe(404);
        expect(response.body.code).toBe('SCHOLARSHIP_APPLICATION_NOT_FOUND');
        expect(response.text).not.toContain('CNI plugin');
      }
    }
    // the other event's committee asking through its own event does not find it either
    expectProblem(await api.http.get(`/v1/events/${other.slug}/scholarships/applications/${x.applicationId}`, { token: otherMember.token }), 404, 'SCHOLARSHIP_APPLICATION_NOT_FOUND');
    // nor can anyone but the applicant change or withdraw it
    expectProblem(await api.http.patch(`${base}/applications/${x.applicationId}`, { statement: 'hijacked' }, { token: y.user.token }), 404, 'SCHOLARSHIP_APPLICATION_NOT_FOUND');
    expectProblem(await api.http.post(`${base}/applications/${x.applicationId}/withdraw`, undefined, { token: committee[0].token }), 404, 'SCHOLARSHIP_APPLICATION_NOT_FOUND');
    // committee-only lists are forbidden to the others
    for (const token of [organiser.token, y.user.token, talkReviewer.token, otherMember.token]) {
      expectProblem(await api.http.get(`${base}/applications`, { token }), 403, 'FORBIDDEN');
      expectProblem(await api.http.get(`${base}/programmes/${programmeId}/rankings`, { token }), 403, 'FORBIDDEN');
    }

    // the applicant and the committee read it; the committee also sees who applied, and its read is audited
    const own = await api.http.get<Wire<ApplicationDto>>(paths[0], { token: x.user.token });
    expect(own.status, own.text).toBe(200);
    expect(own.body.statement).toContain('CNI plugin');
    const read = await api.http.get(paths[0], { token: committee[0].token });
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ statement: expect.stringContaining('CNI plugin'), applicant: { id: x.user.id, email: x.user.email } });
    const list = await api.http.get<Wire<ApplicationPageDto>>(`${base}/applications?programmeId=${programmeId}`, { token: committee[0].token });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([x.applicationId, y.applicationId]);
    expect(list.body.items[0]).not.toHaveProperty('statement');
    const reads = await query(db(), `SELECT actor_id::text AS actor FROM audit_log WHERE action = 'scholarship.application_read' AND entity_id = $1`, [x.applicationId]);
    expect(reads).toEqual([{ actor: committee[0].id }]);

    // the organiser sees counts and amounts, never content: the summary and the award list
    const awarded = await award(api, setup, committee[0].token, x.applicationId, { travelGrantMinor: 50_000 });
    expect(awarded.status, awarded.text).toBe(201);
    const totals = await api.http.get<Wire<ProgrammeTotalsDto>[]>(`${base}/summary`, { token: organiser.token });
    expect(totals.body[0]).toMatchObject({ applications: 2, committedMinor: 50_000, awards: { offered: 1 } });
    const awards = await api.http.get<Wire<AwardPageDto>>(`${base}/awards`, { token: organiser.token });
    expect(awards.status, awards.text).toBe(200);
    expect(awards.body.items).toEqual([expect.objectContaining({ travelGrantMinor: 50_000, recipient: expect.objectContaining({ id: x.user.id }) })]);
    expect(JSON.stringify([totals.body, awards.body])).not.toMatch(/CNI plugin|First engineer|statement|backgroundNote/);
    expectProblem(await api.http.get(`${base}/awards`, { token: talkReviewer.token }), 403, 'FORBIDDEN');
  });

  it('refuses bad input with 4xx problems in English and Chinese', async () => {
    const setup = await scholarshipEvent(api, {
      members: 1,
      programme: { opensAt: '2030-01-10T00:00:00', closesAt: '2030-02-28T23:59:59', budgetMinor: 1_000_000 },
    });
    const { slug, committee, programmeId } = setup;
    const base = `/v1/events/${slug}/scholarships`;
    const clock = vi.spyOn(api.app.get(Clock), 'now');
    clock.mockReturnValue(new Date('2030-02-01T00:00:00Z'));
    const x = await applicant(api, setup, 'xavier');

    // a second application, even sent concurrently, is refused
    const again = await api.http.post<Problem>(`${base}/applications`, application(programmeId), { token: x.user.token });
    expectProblem(again, 409, 'SCHOLARSHIP_APPLICATION_EXISTS');
    expect(again.body.detail).toContain('one per person and programme');
    const againZh = await api.http.post<Problem>(`${base}/applications`, application(programmeId), { token: x.user.token, lang: 'zh-CN' });
    expectProblem(againZh, 409, 'SCHOLARSHIP_APPLICATION_EXISTS');
    expect(againZh.body.detail).toContain('每人每个项目只能申请一次');
    const twin = await signUp(api.http, 'twin');
    const twins = await Promise.all(
      Array.from({ length: 5 }, () => api.http.post(`${base}/applications`, application(programmeId), { token: twin.token })),
    );
    expect(twins.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);

    // a request above the cap, and no consent
    const greedy = await signUp(api.http, 'greedy');
    const above = await api.http.post<Problem>(`${base}/applications`, application(programmeId, { requestedTravelMinor: 150_001 }), { token: greedy.token });
    expectProblem(above, 400, 'SCHOLARSHIP_REQUEST_ABOVE_CAP');
    expect(above.body.detail).toContain('1500.00 USD');
    expect(above.body.errors).toEqual([expect.objectContaining({ field: 'requestedTravelMinor', code: 'max' })]);
    expectProblem(await api.http.post(`${base}/applications`, application(programmeId, { consent: false }), { token: greedy.token }), 400, 'SCHOLARSHIP_CONSENT_REQUIRED');
    expectProblem(await api.http.post(`${base}/applications`, application(programmeId, { travelOrigin: 'XX' }), { token: greedy.token }), 400, 'VALIDATION_FAILED');

    // a grant above the cap
    const grantEn = await award<Problem>(api, setup, committee[0].token, x.applicationId, { travelGrantMinor: 150_001 });
    expectProblem(grantEn, 400, 'SCHOLARSHIP_GRANT_ABOVE_CAP');
    expect(grantEn.body.detail).toBe('This programme grants at most 1500.00 USD for travel per person.');
    expect(grantEn.body.errors).toEqual([
      { field: 'travelGrantMinor', code: 'max', message: 'travelGrantMinor must be at most 150000.' },
    ]);
    const grantZh = await api.http.post<Problem>(`${base}/awards`, { applicationId: x.applicationId, travelGrantMinor: 150_001 }, { token: committee[0].token, lang: 'zh-CN' });
    expectProblem(grantZh, 400, 'SCHOLARSHIP_GRANT_ABOVE_CAP');
    expect(grantZh.body.detail).toBe('该项目每人差旅资助最多为 1500.00 USD。');
    expect(grantZh.headers.get('content-language')).toBe('zh-CN');
    expect(await query(db(), 'SELECT 1 FROM scholarship_awards WHERE application_id = $1', [x.applicationId])).toEqual([]);

    // editable until the window closes (23:59:59 Shanghai time, included), then not
    clock.mockReturnValue(new Date('2030-02-28T15:59:59Z'));
    const edited = await api.http.patch(`${base}/applications/${x.applicationId}`, { requestedTravelMinor: 100_000, gender: 'WOMAN' }, { token: x.user.token });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ requestedTravelMinor: 100_000, selfDescribed: expect.objectContaining({ gender: 'WOMAN' }), editable: true });
    clock.mockReturnValue(new Date('2030-02-28T16:00:00Z'));
    const late = await signUp(api.http, 'late');
    const closedEn = await api.http.post<Problem>(`${base}/applications`, application(programmeId), { token: late.token });
    expectProblem(closedEn, 409, 'SCHOLARSHIP_APPLICATIONS_CLOSED');
    expect(closedEn.body.detail).toBe(
      'Applications to this programme closed at 2030-02-28T23:59:59+08:00 (Asia/Shanghai); they can no longer be sent or changed.',
    );
    const closedZh = await api.http.post<Problem>(`${base}/applications`, application(programmeId), { token: late.token, lang: 'zh-CN' });
    expectProblem(closedZh, 409, 'SCHOLARSHIP_APPLICATIONS_CLOSED');
    expect(closedZh.body.detail).toBe('该项目的申请已于 2030-02-28T23:59:59+08:00（Asia/Shanghai）截止，无法再提交或修改申请。');
    expectProblem(await api.http.patch(`${base}/applications/${x.applicationId}`, { statement: 'too late' }, { token: x.user.token }), 409, 'SCHOLARSHIP_APPLICATIONS_CLOSED');
    expect((await api.http.get<Wire<ApplicationDto>>(`${base}/applications/${x.applicationId}`, { token: x.user.token })).body.editable).toBe(false);
    clock.mockReturnValue(new Date('2030-01-09T15:59:59Z'));
    expectProblem(await api.http.post(`${base}/applications`, application(programmeId), { token: late.token }), 409, 'SCHOLARSHIP_APPLICATIONS_NOT_OPEN');

    // withdrawing is final
    clock.mockReturnValue(new Date('2030-02-01T00:00:00Z'));
    const withdrawn = await api.http.post(`${base}/applications/${x.applicationId}/withdraw`, undefined, { token: x.user.token });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'WITHDRAWN', withdrawnAt: '2030-02-01T00:00:00.000Z', editable: false });
    expectProblem(await api.http.patch(`${base}/applications/${x.applicationId}`, { statement: 'back' }, { token: x.user.token }), 409, 'SCHOLARSHIP_APPLICATION_WITHDRAWN');
    expectProblem(await award(api, setup, committee[0].token, x.applicationId, { travelGrantMinor: 1 }), 409, 'SCHOLARSHIP_APPLICATION_WITHDRAWN');
  });

  it('validates programmes: window, offer, cap, key, ticket type, and who may create one', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const base = `/v1/events/${slug}/scholarships/programmes`;
    const body = {
      key: 'need',
      name: { en: 'Need-based' },
      kind: 'NEED_BASED',
      opensAt: '2030-01-10T00:00:00',
      closesAt: '2030-02-28T23:59:59',
      currency: 'eur',
      budgetMinor: 500_000,
      travelCapMinor: 100_000,
    };
    const created = await api.http.post<Wire<ProgrammeDto>>(base, body, { token: organiser.token });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ currency: 'EUR', opensAt: '2030-01-09T16:00:00.000Z', closesAtLocal: '2030-02-28T23:59:59+08:00', freeRegistration: null, budgetMinor: 500_000, reviewsPerApplication: 3 });
    expectProblem(await api.http.post(base, body, { token: organiser.token }), 409, 'SCHOLARSHIP_PROGRAMME_KEY_TAKEN');
    // the description is translated text like the name: the edition's languages, its primary one required
    const described = await api.http.patch<Wire<ProgrammeDto>>(`${base}/${created.body.id}`, { description: { en: 'For those who need it', 'zh-CN': '面向有需要的人' } }, { token: organiser.token });
    expect(described.status, described.text).toBe(200);
    expect(described.body.description).toEqual({ en: 'For those who need it', 'zh-CN': '面向有需要的人' });
    const badDescription = await api.http.patch<Problem>(`${base}/${created.body.id}`, { description: { 'zh-CN': '只有中文', ko: '한국어' } }, { token: organiser.token });
    expectProblem(badDescription, 400, 'LOCALIZED_TEXT_INVALID');
    expect(badDescription.body.errors!.map((e) => e.field).sort()).toEqual(['description.en', 'description.ko']);
    expectProblem(await api.http.post(base, { ...body, key: 'b', closesAt: '2030-01-01T00:00:00' }, { token: organiser.token }), 400, 'SCHOLARSHIP_WINDOW_INVALID');
    expectProblem(await api.http.post(base, { ...body, key: 'c', travelCapMinor: 0 }, { token: organiser.token }), 400, 'SCHOLARSHIP_PROGRAMME_OFFERS_NOTHING');
    expectProblem(await api.http.post(base, { ...body, key: 'd', travelCapMinor: 600_000 }, { token: organiser.token }), 400, 'SCHOLARSHIP_CAP_ABOVE_BUDGET');
    expectProblem(await api.http.post(base, { ...body, key: 'e', ticketTypeId: '00000000-0000-4000-8000-000000000000' }, { token: organiser.token }), 400, 'SCHOLARSHIP_TICKET_TYPE_UNKNOWN');
    expectProblem(await api.http.post(base, { ...body, key: 'f', budgetMinor: -1 }, { token: organiser.token }), 400, 'VALIDATION_FAILED');
    const member = await signUp(api.http, 'member');
    await grant(api, slug, organiser.token, member, 'SCHOLARSHIP_COMMITTEE');
    expectProblem(await api.http.post(base, { ...body, key: 'g' }, { token: member.token }), 403, 'FORBIDDEN');
    const changed = await api.http.patch(`${base}/${created.body.id}`, { budgetMinor: 400_000, currency: 'USD' }, { token: organiser.token });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ budgetMinor: 400_000, currency: 'USD' });
    const admin = await logIn(api.http, api.adminEmail);
    expect((await api.http.get<Wire<ProgrammeDto>>(`${base}/${created.body.id}`, { token: admin })).body.budgetMinor).toBe(400_000);
  });
});
