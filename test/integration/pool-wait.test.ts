import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaService } from '@lectern/database/prisma.service';
import { TestApi, createEventWithOrganiser, startApi, uniqueEmail } from '@test/support/harness';
import { query } from '@test/support/databases';
import { Problem } from '@test/support/api-types';
import { expectProblem } from '@test/support/cfp';

/**
 * When every connection of the request pool is taken, a request waits DATABASE_POOL_WAIT_MS for one and is then
 * told to come back (503 DATABASE_BUSY with Retry-After), instead of failing with an internal error or waiting on.
 */
describe('an exhausted request pool', () => {
  let api: TestApi;
  let slug: string;
  const POOL_SIZE = 3;

  beforeAll(async () => {
    api = await startApi({ DATABASE_POOL_SIZE: String(POOL_SIZE), DATABASE_POOL_WAIT_MS: '300' });
    ({ slug } = await createEventWithOrganiser(api));
  });
  afterAll(() => api.close());

  /** Holds every connection of the API's own pool in an open transaction until `release` is called. */
  async function holdEveryConnection() {
    const prisma = api.app.get(PrismaService);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = 0;
    const allHeld = new Promise<void>((resolve) => {
      for (let i = 0; i < POOL_SIZE; i++) {
        void prisma.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT 1`;
            if (++holding === POOL_SIZE) resolve();
            await released;
          },
          { maxWait: 10_000, timeout: 60_000 },
        );
      }
    });
    await allHeld;
    return release;
  }

  it('answers 503 DATABASE_BUSY with Retry-After after the wait, writes nothing, and serves again once a connection frees', async () => {
    expect((await api.http.get(`/v1/events/${slug}`)).status).toBe(200);
    const release = await holdEveryConnection();
    let released = false;
    try {
      const started = Date.now();
      const busy = await api.http.get<Problem>(`/v1/events/${slug}`, { lang: 'zh-CN' });
      const waited = Date.now() - started;
      expectProblem(busy, 503, 'DATABASE_BUSY');
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(busy.body.detail).toBe('所有数据库连接都在使用中，请在 1 秒后重试。');
      expect(waited).toBeGreaterThanOrEqual(250);

      const email = uniqueEmail('busy');
      const signup = await api.http.post('/v1/auth/signup', { email, password: 'correct horse battery staple', name: 'Busy' });
      expectProblem(signup, 503, 'DATABASE_BUSY');
      release();
      released = true;
      expect(await query(api.config.database.url, 'SELECT id FROM users WHERE email = $1', [email])).toEqual([]);
    } finally {
      if (!released) release();
    }
    expect((await api.http.get(`/v1/events/${slug}`)).status).toBe(200);
  });
});
