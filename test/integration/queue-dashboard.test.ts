import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Http, TestApi, logIn, signUp, startApi } from '@test/support/harness';
import { QUEUES } from '@lectern/queue/queue.contract';

describe('the queue dashboard (bull-board) at /admin/queues', () => {
  let api: TestApi;
  /** bull-board is outside the OpenAPI document: its requests are not checked against it. */
  let raw: Http;
  let adminToken: string;
  let userToken: string;

  beforeAll(async () => {
    api = await startApi();
    raw = new Http(api.http.baseUrl);
    adminToken = await logIn(api.http, api.adminEmail);
    userToken = (await signUp(api.http, 'not-admin')).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  const expectProblem = (response: { status: number; headers: Headers; body: unknown }, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, code });
  };

  it('shows every queue, read-only, to an administrator with a bearer token', async () => {
    const page = await raw.get(`/admin/queues`, { token: adminToken });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    // the page's script is served behind the same check
    const src = /<script[^>]+src="([^"]+)"/.exec(page.text)?.[1];
    const script = new URL(src!, 'http://host/admin/queues/').pathname;
    expect(script).toMatch(/^\/admin\/queues\/static\//);
    expect((await raw.get(script, { token: adminToken })).status).toBe(200);
    expect((await raw.get(script)).status).toBe(401);
    const state = await raw.get<{ queues: { name: string; readOnlyMode: boolean }[] }>(`/admin/queues/api/queues`, { token: adminToken });
    expect(state.status).toBe(200);
    expect(state.body.queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUES).sort());
    expect(state.body.queues.every((q) => q.readOnlyMode)).toBe(true);
  });

  it('refuses anonymous callers, non-administrators and bad tokens with problem+json', async () => {
    expectProblem(await raw.get(`/admin/queues`), 401, 'UNAUTHENTICATED');
    expectProblem(await raw.get(`/admin/queues/api/queues`), 401, 'UNAUTHENTICATED');
    expectProblem(await raw.get(`/admin/queues/api/queues`, { token: userToken }), 403, 'FORBIDDEN');
    expectProblem(await raw.get(`/admin/queues`, { token: `${adminToken}x` }), 401, 'TOKEN_INVALID');
    expectProblem(await raw.get(`/admin/queues`, { headers: { cookie: 'lectern_queue_dashboard=nonsense' } }), 401, 'TOKEN_INVALID');
  });

  it('refuses changes even from an administrator', async () => {
    const pause = await raw.request('PUT', `/admin/queues/api/queues/${QUEUES.notifications}/pause`, { token: adminToken });
    expectProblem(pause, 403, 'FORBIDDEN');
  });

  it('lets an administrator’s browser in with a short-lived HttpOnly cookie, and nobody else get one', async () => {
    expectProblem(await api.http.post('/v1/admin/queue-dashboard/session'), 401, 'UNAUTHENTICATED');
    expectProblem(await api.http.post('/v1/admin/queue-dashboard/session', undefined, { token: userToken }), 403, 'FORBIDDEN');
    const session = await api.http.post('/v1/admin/queue-dashboard/session', undefined, { token: adminToken });
    expect(session.status).toBe(204);
    const setCookie = session.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^lectern_queue_dashboard=[\w.-]+; Path=\/admin\/queues; Max-Age=900; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0];
    const page = await raw.get(`/admin/queues/api/queues`, { headers: { cookie } });
    expect(page.status).toBe(200);
  });
});
