import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaService } from '@lectern/database/prisma.service';
import { query } from '@test/support/databases';
import { Response, TestApi, createEventWithOrganiser, logIn, signUp, startApi } from '@test/support/harness';
import { Problem, Wire } from '@test/support/api-types';
import { QuestionDto } from '@api/cfp/cfp.dto';
import { SubmissionCountsDto, SubmissionDto, SubmissionPageDto } from '@api/cfp/submissions.dto';

type User = Awaited<ReturnType<typeof signUp>>;

function expectProblem(response: Response, status: number, code: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect((response.body as Problem).code).toBe(code);
}

/** RFC 4180 reader, enough to check what the export writes (quoted fields, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('organiser views of the CFP', () => {
  let api: TestApi;
  let slug: string;
  let organiser: User;
  let base: string;
  const ids: Record<string, string> = {};

  async function speaker(label: string, country = 'CN') {
    const user = await signUp(api.http, label);
    const saved = await api.http.request('PUT', '/v1/me/speaker-profile', {
      token: user.token,
      body: { name: `Speaker ${label}`, bio: 'Bio', company: `${label} Inc`, jobTitle: 'SRE', country, firstTimeSpeaker: label.length % 2 === 0 },
    });
    expect(saved.status).toBe(200);
    return user;
  }

  async function submit(user: User, body: Record<string, unknown>) {
    const created = await api.http.post<Wire<SubmissionDto>>(`${base}/submissions`, { abstract: 'An abstract.', level: 'BEGINNER', language: 'en', format: 'breakout', track: 'runtime', ...body }, { token: user.token });
    expect(created.status, created.text).toBe(201);
    const done = await api.http.post(`${base}/submissions/${created.body.id}/submit`, undefined, { token: user.token });
    expect(done.status, done.text).toBe(200);
    return created.body.id;
  }

  beforeAll(async () => {
    api = await startApi();
    const event = await createEventWithOrganiser(api);
    slug = event.slug;
    organiser = event.organiser;
    base = `/v1/events/${slug}`;
    const token = organiser.token;
    await api.http.request('PUT', `${base}/cfp`, {
      token,
      body: { opensAt: '2000-01-01T00:00:00Z', closesAt: '2099-12-31T23:59:59Z', maxSubmissionsPerSpeaker: 50, codePrefix: 'TEST' },
    });
    await api.http.post(`${base}/cfp/tracks`, { slug: 'runtime', name: { en: 'Runtime' } }, { token });
    await api.http.post(`${base}/cfp/tracks`, { slug: 'security', name: { en: 'Security' } }, { token });
    const q = await api.http.post<Wire<QuestionDto>>(`${base}/cfp/questions`, { scope: 'SUBMISSION', type: 'TEXT', label: { en: 'Demo link' } }, { token });
    ids.question = q.body.id;

    const ada = await speaker('ada');
    const lin = await speaker('lin', 'SG');
    for (let i = 0; i < 9; i += 1) {
      ids[`bulk${i}`] = await submit(i % 2 ? ada : lin, {
        title: `Operators ${i}`,
        track: i % 3 === 0 ? 'security' : 'runtime',
        format: i % 4 === 0 ? 'lightning-talk' : 'breakout',
        level: i % 2 ? 'ADVANCED' : 'BEGINNER',
        language: i === 8 ? 'zh-CN' : 'en',
      });
    }
    ids.percent = await submit(ada, { title: '100% uptime with eBPF', abstract: 'Nothing to see.' });
    ids.zh = await submit(lin, { title: '大规模集群的调度', abstract: '讨论 Kubernetes 调度器。', language: 'zh-CN' });
    ids.evil = await submit(ada, {
      title: '=HYPERLINK("http://evil.example","click")',
      abstract: 'Line one, with a comma\r\nand "quotes"',
      answers: { [ids.question]: '@SUM(A1:A2)' },
    });
    const withdrawn = await submit(lin, { title: 'Withdrawn talk' });
    ids.withdrawn = withdrawn;
    await api.http.post(`${base}/submissions/${withdrawn}/withdraw`, undefined, { token: lin.token });
    // a draft is never visible to organisers
    await api.http.post(`${base}/submissions`, { title: 'Unfinished draft' }, { token: ada.token });
  });
  afterAll(() => api.close());

  async function collect(queryString: string, limit: number) {
    const seen: string[] = [];
    const statements: number[] = [];
    const prisma = api.app.get(PrismaService);
    let cursor: string | null = null;
    do {
      const before = prisma.statementCount;
      const page: Response<Wire<SubmissionPageDto>> = await api.http.get(`${base}/submissions?limit=${limit}${queryString}${cursor ? `&cursor=${cursor}` : ''}`, { token: organiser.token });
      statements.push(prisma.statementCount - before);
      expect(page.status, page.text).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    return { seen, statements };
  }

  it('pages through submissions newest first, each page costing the same statements whatever its size', async () => {
    const small = await collect('', 2);
    const large = await collect('', 10);
    expect(small.seen).toHaveLength(13);
    expect(new Set(small.seen).size).toBe(13);
    expect(large.seen).toEqual(small.seen);
    expect(small.seen[0]).toBe(ids.withdrawn);
    // one statement per page: the caller's account, the edition and their roles checked with the page, its
    // formats, tracks and speakers: 7 pages of 2 and 2 pages of 10 each cost exactly that
    expect(small.statements).toHaveLength(7);
    expect(large.statements).toHaveLength(2);
    expect([...small.statements, ...large.statements].every((n) => n === 1)).toBe(true);

    const first = await api.http.get<Wire<SubmissionPageDto>>(`${base}/submissions?limit=1`, { token: organiser.token });
    expect(first.body.items[0]).toMatchObject({
      id: ids.withdrawn,
      state: 'WITHDRAWN',
      origin: 'CFP',
      format: { slug: 'breakout', name: { en: 'Breakout session', 'zh-CN': '分组会议' } },
      track: { slug: 'runtime', name: { en: 'Runtime' } },
      speakers: [{ role: 'OWNER', name: 'Speaker lin', company: 'lin Inc', country: 'SG' }],
    });
    expect(first.body.items[0].code).toMatch(/^TEST-[0-9A-HJKMNP-TV-Z]{4}$/);
    // the items are JSON the statement wrote: as JSON, the same values the submission's own view gives, the time
    // in the form a JavaScript Date gives (milliseconds, UTC)
    await query(inject('databaseUrl'), `UPDATE submissions SET submitted_at = '2031-02-03T04:05:06.789Z' WHERE id = $1`, [ids.withdrawn]);
    const item = await api.http.get<Wire<SubmissionPageDto>>(`${base}/submissions?limit=1`, { token: organiser.token });
    expect(item.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(item.body.items[0].submittedAt).toBe('2031-02-03T04:05:06.789Z');
    const detail = (await api.http.get<Wire<SubmissionDto>>(`${base}/submissions/${ids.withdrawn}`, { token: organiser.token })).body;
    expect(item.body.items[0]).toEqual({
      id: detail.id, code: detail.code, origin: detail.origin, state: detail.state, title: detail.title, format: detail.format,
      track: detail.track, level: detail.level, language: detail.language, submittedAt: detail.submittedAt,
      speakers: detail.speakers.map((s) => ({ role: s.role, name: s.name, company: s.company, country: s.country })),
    });
    expectProblem(await api.http.get(`${base}/submissions?cursor=garbage`, { token: organiser.token }), 400, 'CURSOR_INVALID');
    expectProblem(await api.http.get(`${base}/submissions?limit=500`, { token: organiser.token }), 400, 'VALIDATION_FAILED');
  });

  it('filters by state, track, format, level, language and text', async () => {
    const found = async (q: string) => (await collect(q, 50)).seen.sort();
    expect(await found('&state=WITHDRAWN')).toEqual([ids.withdrawn]);
    expect((await found('&state=SUBMITTED'))).toHaveLength(12);
    expect(await found('&track=security')).toEqual([ids.bulk0, ids.bulk3, ids.bulk6].sort());
    expect(await found('&format=lightning-talk')).toEqual([ids.bulk0, ids.bulk4, ids.bulk8].sort());
    expect(await found('&format=lightning-talk&track=security')).toEqual([ids.bulk0]);
    expect(await found('&level=ADVANCED&track=runtime')).toEqual([ids.bulk1, ids.bulk5, ids.bulk7].sort());
    expect(await found('&language=zh-CN')).toEqual([ids.bulk8, ids.zh].sort());
    expect(await found(`&q=${encodeURIComponent('OPERATORS 7')}`)).toEqual([ids.bulk7]);
    expect(await found(`&q=${encodeURIComponent('调度器')}`)).toEqual([ids.zh]);
    expect(await found(`&q=${encodeURIComponent('100%')}`)).toEqual([ids.percent]);
    expect(await found(`&q=${encodeURIComponent('0_')}`)).toEqual([]);
    const draftFilter = await api.http.get<Problem>(`${base}/submissions?state=DRAFT`, { token: organiser.token });
    expectProblem(draftFilter, 400, 'VALIDATION_FAILED');
    expect(draftFilter.body.errors![0]).toMatchObject({ field: 'state', code: 'isIn' });
  });

  it('counts submissions per state, track and format for the same filters', async () => {
    const all = await api.http.get<Wire<SubmissionCountsDto>>(`${base}/submissions/counts`, { token: organiser.token });
    expect(all.status, all.text).toBe(200);
    expect(all.body.total).toBe(13);
    expect(all.body.byState).toEqual([
      { key: 'SUBMITTED', name: null, count: 12 },
      { key: 'WITHDRAWN', name: null, count: 1 },
    ]);
    expect(all.body.byTrack).toEqual(expect.arrayContaining([
      { key: 'runtime', name: { en: 'Runtime' }, count: 10 },
      { key: 'security', name: { en: 'Security' }, count: 3 },
    ]));
    expect(all.body.byFormat).toEqual(expect.arrayContaining([
      { key: 'breakout', name: { en: 'Breakout session', 'zh-CN': '分组会议' }, count: 10 },
      { key: 'lightning-talk', name: { en: 'Lightning talk', 'zh-CN': '闪电演讲' }, count: 3 },
    ]));
    const filtered = await api.http.get(`${base}/submissions/counts?track=security&state=SUBMITTED`, { token: organiser.token });
    expect(filtered.body).toMatchObject({ total: 3, byTrack: [{ key: 'security', name: { en: 'Security' }, count: 3 }] });
  });

  it('exports the filtered list as CSV that spreadsheets cannot be tricked by', async () => {
    const response = await fetch(`${api.http.baseUrl}${base}/submissions/export.csv`, { headers: { authorization: `Bearer ${organiser.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${slug}-submissions.csv"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    // a UTF-8 byte order mark first, so that Excel reads the Chinese titles right
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const rows = parseCsv(text);
    const [header, ...data] = rows;
    expect(header.slice(0, 4)).toEqual(['code', 'state', 'origin', 'title']);
    expect(header).toContain('submitted_at_local (Asia/Shanghai)');
    expect(header[header.length - 1]).toBe('Demo link');
    expect(data).toHaveLength(13);
    const column = (name: string) => header.indexOf(name);
    const evil = data.find((r) => r[column('title')].includes('HYPERLINK'))!;
    expect(evil[column('title')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(evil[column('abstract')]).toBe('Line one, with a comma\r\nand "quotes"');
    expect(evil[header.length - 1]).toBe(`'@SUM(A1:A2)`);
    expect(evil[column('speakers')]).toBe('Speaker ada');
    expect(evil[column('speaker_emails')]).toMatch(/^ada-.*@test\.lectern$/);
    expect(evil[column('submitted_at_local (Asia/Shanghai)')]).toMatch(/\+08:00$/);
    expect(data.find((r) => r[column('title')] === '大规模集群的调度')).toBeDefined();
    expect(text).toContain('and ""quotes"""');

    const security = parseCsv((await api.http.get(`${base}/submissions/export.csv?track=security`, { token: organiser.token })).text);
    expect(security).toHaveLength(4);
    expectProblem(await api.http.get(`${base}/submissions/export.csv?level=EXPERT`, { token: organiser.token }), 400, 'VALIDATION_FAILED');
  });

  it('adds invited sessions that are accepted, count as sessions of their format and never as CFP submissions', async () => {
    const keynoter = await speaker('keynoter');
    const guest = await speaker('guest');
    const body = { title: 'The road ahead', abstract: 'Opening keynote.', format: 'keynote', language: 'en', speakers: [{ email: keynoter.email }, { email: guest.email }] };
    const created = await api.http.post<Wire<SubmissionDto>>(`${base}/invited-sessions`, body, { token: organiser.token });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      origin: 'INVITED',
      state: 'ACCEPTED',
      format: { slug: 'keynote' },
      speakers: [expect.objectContaining({ role: 'OWNER', name: 'Speaker keynoter' }), expect.objectContaining({ role: 'CO_SPEAKER', name: 'Speaker guest' })],
    });
    const id = created.body.id;

    expect((await collect('', 50)).seen).not.toContain(id);
    expect((await api.http.get<Wire<SubmissionCountsDto>>(`${base}/submissions/counts`, { token: organiser.token })).body.total).toBe(13);
    expect((await collect('&origin=INVITED', 50)).seen).toEqual([id]);
    const sessions = await api.http.get(`${base}/submissions/counts?origin=ALL&state=ACCEPTED,CONFIRMED`, { token: organiser.token });
    expect(sessions.body).toMatchObject({ total: 1, byFormat: [{ key: 'keynote', name: { en: 'Keynote', 'zh-CN': '主题演讲' }, count: 1 }] });

    // its speakers see it, cannot withdraw it (a decision is made), and it uses none of their CFP allowance
    expect((await api.http.get<Wire<SubmissionDto>>(`${base}/submissions/${id}`, { token: keynoter.token })).body.editable).toBe(false);
    expectProblem(await api.http.post(`${base}/submissions/${id}/withdraw`, undefined, { token: keynoter.token }), 409, 'SUBMISSION_TRANSITION');
    expectProblem(await api.http.patch(`${base}/submissions/${id}`, { title: 'x' }, { token: guest.token }), 409, 'SUBMISSION_NOT_EDITABLE');
    await api.http.patch(`${base}/cfp`, { maxSubmissionsPerSpeaker: 1 }, { token: organiser.token });
    const own = await api.http.post<Wire<SubmissionDto>>(`${base}/submissions`, { title: 'My own talk', abstract: 'A.', level: 'BEGINNER', language: 'en', format: 'breakout', track: 'runtime' }, { token: keynoter.token });
    expect((await api.http.post(`${base}/submissions/${own.body.id}/submit`, undefined, { token: keynoter.token })).status).toBe(200);
    await api.http.patch(`${base}/cfp`, { maxSubmissionsPerSpeaker: 50 }, { token: organiser.token });

    expectProblem(await api.http.post(`${base}/invited-sessions`, { ...body, speakers: [{ email: 'nobody@test.lectern' }] }, { token: organiser.token }), 404, 'USER_NOT_FOUND');
    expectProblem(await api.http.post(`${base}/invited-sessions`, { ...body, format: 'lightning-talk' }, { token: organiser.token }), 409, 'SUBMISSION_SPEAKER_LIMIT');
    expectProblem(await api.http.post(`${base}/invited-sessions`, { ...body, speakers: [{ email: guest.email }, { email: guest.email.toUpperCase() }] }, { token: organiser.token }), 400, 'SESSION_SPEAKER_DUPLICATE');
    expectProblem(await api.http.post(`${base}/invited-sessions`, body, { token: keynoter.token }), 403, 'FORBIDDEN');
  });

  it('refuses to delete formats and tracks that submissions use', async () => {
    expectProblem(await api.http.delete(`${base}/cfp/tracks/runtime`, { token: organiser.token }), 409, 'TRACK_IN_USE');
    expectProblem(await api.http.delete(`${base}/cfp/formats/breakout`, { token: organiser.token }), 409, 'FORMAT_IN_USE');
    expect((await api.http.delete(`${base}/cfp/formats/workshop`, { token: organiser.token })).status).toBe(204);
    expectProblem(await api.http.delete(`${base}/cfp/formats/workshop`, { token: organiser.token }), 404, 'FORMAT_NOT_FOUND');
    const closed = await api.http.patch(`${base}/cfp/formats/panel`, { openForSubmissions: false, maxSpeakers: 6 }, { token: organiser.token });
    expect(closed.body).toMatchObject({ slug: 'panel', openForSubmissions: false, maxSpeakers: 6 });
  });

  it('checks the caller\'s account and role on every page, read with the edition in one statement', async () => {
    const colleague = await signUp(api.http, 'colleague');
    expect((await api.http.post(`${base}/roles`, { email: colleague.email, role: 'ORGANISER' }, { token: organiser.token })).status).toBe(201);
    expect((await api.http.get(`${base}/submissions?limit=1`, { token: colleague.token })).status).toBe(200);
    await query(inject('databaseUrl'), 'DELETE FROM role_grants WHERE user_id = $1', [colleague.id]);
    expectProblem(await api.http.get(`${base}/submissions?limit=1`, { token: colleague.token }), 403, 'FORBIDDEN');
    await query(inject('databaseUrl'), 'DELETE FROM users WHERE id = $1', [colleague.id]);
    expectProblem(await api.http.get(`${base}/submissions?limit=1`, { token: colleague.token }), 401, 'TOKEN_INVALID');
    // without a token a draft edition's list is 401, as before the account moved into the edition's statement
    const draft = await createEventWithOrganiser(api, {}, false);
    expectProblem(await api.http.get(`/v1/events/${draft.slug}/submissions`), 401, 'UNAUTHENTICATED');
    expect((await api.http.get(`/v1/events/${draft.slug}/submissions`, { token: draft.organiser.token })).status).toBe(200);
    // signed in without a role: a draft edition does not exist for them, an unknown one neither; administrators pass
    expectProblem(await api.http.get(`/v1/events/${draft.slug}/submissions`, { token: organiser.token }), 404, 'EVENT_NOT_FOUND');
    expectProblem(await api.http.get('/v1/events/no-such-edition/submissions', { token: organiser.token }), 404, 'EVENT_NOT_FOUND');
    const admin = await logIn(api.http, api.adminEmail);
    expect((await api.http.get(`/v1/events/${draft.slug}/submissions`, { token: admin })).status).toBe(200);
  });
});
