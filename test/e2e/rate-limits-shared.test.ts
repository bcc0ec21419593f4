import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_PASSWORD, uniqueEmail } from '@test/support/harness';
import { ApiProcess, ensureBuilt } from '@test/support/worker-process';

/** Lectern runs as several API processes: a client's writes count once, whichever process takes them. */
describe('write limits shared by two API processes', () => {
  const apis = [0, 1].map(
    () =>
      new ApiProcess({
        NODE_ENV: 'test',
        DATABASE_URL: inject('databaseUrl'),
        DATABASE_POOL_SIZE: '3',
        REDIS_URL: inject('redisUrl'),
        REDIS_PREFIX: inject('redisPrefix'),
        TOKEN_SECRET: 'test-secret-test-secret-test-secret-0123456789',
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'info',
        RATE_LIMIT_WRITES_PER_CLIENT: '4',
        RATE_LIMIT_WINDOW_SECONDS: '60',
      }),
  );
  beforeAll(async () => {
    await ensureBuilt();
    await Promise.all(apis.map((api) => api.start()));
  }, 120_000);
  afterAll(() => Promise.all(apis.map((api) => api.stop('SIGTERM'))));

  it('refuses the fifth sign-up from one client address, alternating between the processes, with Retry-After', async () => {
    const client = `198.51.100.${randomBytes(1)[0]}`;
    const other = `203.0.113.${randomBytes(1)[0]}`;
    const signUp = (index: number, address: string) =>
      fetch(`${apis[index % 2].url}/v1/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address, 'accept-language': 'zh-CN' },
        body: JSON.stringify({ email: uniqueEmail('limited'), password: TEST_PASSWORD, name: 'Limited' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signUp(i, client)).status);
    expect(statuses).toEqual([201, 201, 201, 201]);
    for (const index of [0, 1]) {
      const refused = await signUp(index, client);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await refused.json()).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', title: '请求过多' });
    }
    // the count is the client's, not everybody's
    expect((await signUp(0, other)).status).toBe(201);
  });
});
