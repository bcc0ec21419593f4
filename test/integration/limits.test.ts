import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestApi, signUp, startApi } from '@test/support/harness';
import { Problem } from '@test/support/api-types';

/** Per-account write limits, security headers and CORS (the shared per-client limit: test/e2e/rate-limits-shared). */
describe('limits and headers', () => {
  let api: TestApi;
  let open: TestApi;
  beforeAll(async () => {
    // a Redis prefix of its own: the counters of other test files' writes from 127.0.0.1 stay out of it
    const redisPrefix = `${inject('redisPrefix')}_limits_${randomBytes(3).toString('hex')}`;
    api = await startApi({ REDIS_PREFIX: redisPrefix, RATE_LIMIT_WRITES_PER_ACCOUNT: '3' });
    open = await startApi({ CORS_ORIGINS: 'https://cfp.example.org,https://admin.example.org' });
  });
  afterAll(async () => {
    await api.close();
    await open.close();
  });

  it('limits writes per account with a 429 problem and Retry-After, and leaves reads alone', async () => {
    const user = await signUp(api.http, 'busy');
    const put = (name: string) =>
      api.http.request<Problem>('PUT', '/v1/me/speaker-profile', { token: user.token, body: { name, bio: 'b', company: 'c', jobTitle: 'j', country: 'cn', firstTimeSpeaker: true } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await put(`Name ${i}`)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await put('Name 4');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api.http.get('/v1/me/speaker-profile', { token: user.token })).status).toBe(200);
    // another account from the same address is not affected
    const other = await signUp(api.http, 'calm');
    expect((await api.http.request('PUT', '/v1/me/speaker-profile', { token: other.token, body: { name: 'Calm', bio: 'b', company: 'c', jobTitle: 'j', country: 'cn', firstTimeSpeaker: true } })).status).toBe(200);
  });

  it('counts registration attempts against the account too, though that route reads the account itself', async () => {
    const user = await signUp(api.http, 'eager');
    const attempt = () =>
      api.http.post<Problem>('/v1/events/no-such-edition/registrations', { ticketTypeId: randomUUID(), attendeeName: 'Eager' }, { token: user.token });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });

  it('sends security headers fitting an API and its docs page, once each, on answers and problems alike', async () => {
    const statuses: number[] = [];
    for (const path of ['/v1/events', '/docs', '/v1/events/no-such-edition', '/v1/events?limit=0', '/v1/no-such-route']) {
      const response = await fetch(api.http.baseUrl + path);
      statuses.push(response.status);
      // a header sent twice would read as both values joined by a comma
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers.get('content-security-policy'), path).toMatch(/^default-src 'self';.*frame-ancestors 'none';[^,]*$/);
      expect(response.headers.get('x-powered-by'), path).toBeNull();
    }
    expect(statuses).toEqual([200, 200, 404, 400, 404]);
  });

  it('answers no CORS headers unless the origin is listed', async () => {
    const ask = (server: TestApi, origin: string) =>
      fetch(`${server.http.baseUrl}/v1/events`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    expect((await ask(api, 'https://cfp.example.org')).headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await ask(open, 'https://cfp.example.org');
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://cfp.example.org');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await ask(open, 'https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
