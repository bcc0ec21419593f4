import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { TestApi, logIn, startApi, uniqueEmail } from '@test/support/harness';
import { query } from '@test/support/databases';
import { Problem, Wire } from '@test/support/api-types';
import { complete, draft, expectProblem, openCfp, speaker } from '@test/support/cfp';

/**
 * Input PostgreSQL or JSON cannot hold, bodies nested to blow the stack, `null` for a field that cannot be empty and
 * fields on a route that reads no body: each is a 400 naming the field, before anything is written.
 */
describe('input that cannot be stored', () => {
  let api: TestApi;
  let adminToken: string;
  let setup: Awaited<ReturnType<typeof openCfp>>;
  // counted within this test's own rows: other test files write to the same database at the same time
  const count = async (sql: string, params: readonly unknown[]) =>
    Number((await query<{ n: string }>(api.config.database.url, `SELECT count(*) AS n FROM ${sql}`, [...params]))[0].n);

  beforeAll(async () => {
    api = await startApi();
    adminToken = await logIn(api.http, api.adminEmail);
    setup = await openCfp(api);
  });
  afterAll(() => api.close());

  const fieldErrors = (response: { body: unknown }) => (response.body as Problem).errors?.map((e) => `${e.field}:${e.code}`);

  it('refuses NUL and unpaired surrogates in a body, naming the field, in every language', async () => {
    const emails: string[] = [];
    const email = () => {
      emails.push(uniqueEmail());
      return emails[emails.length - 1];
    };
    for (const name of ['Ada\u0000Lovelace', 'Ada \ud800', 'Ada \udfff x']) {
      const response = await api.http.post('/v1/auth/signup', { email: email(), password: 'correct horse battery staple', name });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(fieldErrors(response)).toEqual(['name:unstorableCharacter']);
    }
    const nested = await api.http.post(`/v1/events/${setup.slug}/submissions`, complete('Title', { answers: { why: ['ok', 'no\u0000'] } }), {
      token: setup.organiser.token,
    });
    expectProblem(nested, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(nested)).toEqual(['answers.why.1:unstorableCharacter']);
    const messages: Record<string, string> = {};
    for (const lang of ['en', 'zh-CN', 'ja', 'ko']) {
      const response = await api.http.post<Problem>('/v1/auth/signup', { email: email(), password: 'x'.repeat(12), name: '\u0000' }, { lang });
      messages[lang] = response.body.errors![0].message;
    }
    expect(messages.en).toBe('name contains a character that cannot be stored (NUL or an unpaired surrogate).');
    expect(new Set(Object.values(messages)).size).toBe(4);
    expect(emails).toHaveLength(7);
    expect(await count('users WHERE email = ANY($1)', [emails])).toBe(0);
  });

  it('refuses NUL in a query, on public lists and organiser searches', async () => {
    const publicList = await api.http.get('/v1/events?series=%00');
    expectProblem(publicList, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(publicList)).toEqual(['series:unstorableCharacter']);
    for (const list of ['registrations', 'submissions']) {
      const search = await api.http.get(`/v1/events/${setup.slug}/${list}?q=a%00b`, { token: setup.organiser.token });
      expectProblem(search, 400, 'VALIDATION_FAILED');
      expect(fieldErrors(search)).toEqual(['q:unstorableCharacter']);
    }
  });

  it('refuses NUL in a path parameter', async () => {
    const event = await api.http.get('/v1/events/a%00b');
    expectProblem(event, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(event)).toEqual(['slug:unstorableCharacter']);
    const patch = await api.http.patch('/v1/events/%00', { name: 'x' }, { token: adminToken });
    expectProblem(patch, 400, 'VALIDATION_FAILED');
  });

  it('refuses NUL in a header with a problem, before any request is made of it', async () => {
    const { hostname, port } = new URL(api.http.baseUrl);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(`GET /v1/events HTTP/1.1\r\nHost: x\r\nIdempotency-Key: a\u0000b\r\n\r\n`, 'latin1');
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head.toLowerCase()).toContain('content-type: application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: '(headers)', code: 'unstorableCharacter' }] });
  });

  it('refuses JSON nested deeper than the limit before it is turned into objects', async () => {
    const deep = await api.http.request('POST', '/v1/auth/login', { rawBody: '['.repeat(5000) + ']'.repeat(5000) });
    expectProblem(deep, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(deep)).toEqual(['(body):maxDepth']);
    const inField = await api.http.request('POST', '/v1/auth/login', {
      rawBody: `{"email":"a@b.co","password":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`,
    });
    expectProblem(inField, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(inField)).toEqual(['(body):maxDepth']);
    // brackets inside strings are text, not nesting
    const text = await api.http.post('/v1/auth/login', { email: 'nobody@test.lectern', password: '['.repeat(200) });
    expectProblem(text, 401, 'INVALID_CREDENTIALS');
  });

  it('refuses null for a field that cannot be empty, and lets it clear one that can', async () => {
    const token = setup.organiser.token;
    const cfp = await api.http.patch(`/v1/events/${setup.slug}/cfp`, { maxSubmissionsPerSpeaker: null }, { token });
    expectProblem(cfp, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(cfp)).toEqual(['maxSubmissionsPerSpeaker:isNotNull']);

    const created = await api.http.post<Wire<TicketTypeDto>>(
      `/v1/events/${setup.slug}/ticket-types`,
      { name: { en: 'Individual', 'zh-CN': '个人票' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON', priceCents: 1000, salesStartAt: '2019-01-01T00:00:00.000Z' },
      { token },
    );
    expect(created.status, created.text).toBe(201);
    const price = await api.http.patch(`/v1/events/${setup.slug}/ticket-types/${created.body.id}`, { priceCents: null }, { token });
    expectProblem(price, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(price)).toEqual(['priceCents:isNotNull']);
    const cleared = await api.http.patch<Wire<TicketTypeDto>>(`/v1/events/${setup.slug}/ticket-types/${created.body.id}`, { salesStartAt: null }, { token });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body.salesStartAt).toBeNull();

    const user = await speaker(api, 'nulls');
    const ofEvent = ['submissions WHERE event_id = (SELECT id FROM events WHERE slug = $1)', [setup.slug]] as const;
    const submissions = await count(...ofEvent);
    const format = await api.http.post(`/v1/events/${setup.slug}/submissions`, complete('Title', { format: null }), { token: user.token });
    expectProblem(format, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(format)).toEqual(['format:isNotNull']);
    expect(await count(...ofEvent)).toBe(submissions);
  });

  it('refuses fields sent to a route that reads no body', async () => {
    const user = await speaker(api, 'bodiless');
    const proposal = await draft(api, setup.slug, user);
    const submit = `/v1/events/${setup.slug}/submissions/${proposal.id}/submit`;
    const withField = await api.http.post(submit, { status: 'ACCEPTED' }, { token: user.token });
    expectProblem(withField, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(withField)).toEqual(['status:unknownField']);
    const [row] = await query<{ state: string }>(api.config.database.url, 'SELECT state FROM submissions WHERE id = $1', [proposal.id]);
    expect(row.state).toBe('DRAFT');
    expect((await api.http.post(submit, undefined, { token: user.token })).status).toBe(200);
  });

  it('answers a path whose escapes do not decode, or whose segment is too long, with a 400 problem', async () => {
    for (const path of ['/v1/events/%zz', '/v1/events/%E0%A4%A', '/v1/events/%', '/v1/events/%zz/cfp']) {
      const response = await api.http.get(path);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(fieldErrors(response), path).toEqual(['(path):percentEncoding']);
    }
    const long = await api.http.get(`/v1/events/${'x'.repeat(101)}/cfp`, { lang: 'zh-CN' });
    expectProblem(long, 400, 'VALIDATION_FAILED');
    expect((long.body as Problem).errors).toEqual([{ field: '(path)', code: 'maxLength', message: '(path) 最多 100 个字符。' }]);
    expect((await api.http.get(`/v1/events/${'x'.repeat(100)}`)).status).toBe(404);
  });

  it('refuses a JSON body that is null, an array or a bare value where an object is expected', async () => {
    const user = await speaker(api, 'bare-body');
    for (const rawBody of ['null', '[]', '"Ada"', '1', 'true']) {
      const response = await api.http.request('PATCH', '/v1/me', { token: user.token, rawBody });
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(fieldErrors(response), rawBody).toEqual(['(body):isObject']);
    }
    const login = await api.http.request('POST', '/v1/auth/login', { rawBody: 'null' });
    expectProblem(login, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(login)).toEqual(['(body):isObject']);
    expect((await api.http.request('PATCH', '/v1/me', { token: user.token, rawBody: '{}' })).status).toBe(200);
  });
});
