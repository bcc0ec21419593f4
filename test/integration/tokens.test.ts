import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '@lectern/domains/auth/token.service';
import { TestApi, signUp, startApi, testConfig } from '@test/support/harness';
import { Problem } from '@test/support/api-types';

const OLD_SECRET = 'old-secret-old-secret-old-secret-0123456789';
const NEW_SECRET = 'new-secret-new-secret-new-secret-0123456789';
const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact HS256 JWT made by hand, as someone holding the key could make any token they liked. */
function forge(header: Record<string, unknown>, claims: Record<string, unknown>, secret: string) {
  const input = `${json(header)}.${json(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as Record<string, unknown>;

describe('bearer tokens', () => {
  let api: TestApi;
  let user: Awaited<ReturnType<typeof signUp>>;
  const now = () => Math.floor(Date.now() / 1000);
  const me = (token: string) => api.http.get<Problem>('/v1/me', { token });

  beforeAll(async () => {
    api = await startApi({ TOKEN_SECRET: NEW_SECRET, TOKEN_KEY_ID: 'k2', TOKEN_PREVIOUS_KEYS: `k1:${OLD_SECRET}`, TOKEN_TTL_SECONDS: '3600' });
    user = await signUp(api.http, 'tokens');
  });
  afterAll(() => api.close());

  it('refuses a token issued in the future, beyond the clock skew', async () => {
    const header = headerOf(user.token);
    // the same key and header as the server's own tokens: only the claims differ
    expect((await me(forge(header, { sub: user.id, iat: now(), exp: now() + 600 }, NEW_SECRET))).status).toBe(200);
    expect((await me(forge(header, { sub: user.id, iat: now() + 30, exp: now() + 600 }, NEW_SECRET))).status).toBe(200);
    const yearAhead = now() + 365 * 86400;
    const future = await me(forge(header, { sub: user.id, iat: yearAhead, exp: yearAhead + 3000 }, NEW_SECRET));
    expect(future.status).toBe(401);
    expect(future.body.code).toBe('TOKEN_INVALID');
  });

  it('checks the time of a token it verified before on every use, as on the first', async () => {
    const tokens = new TokenService(testConfig({ TOKEN_SECRET: NEW_SECRET, TOKEN_KEY_ID: 'k2', TOKEN_TTL_SECONDS: '3600', TOKEN_CLOCK_SKEW_SECONDS: '60' }));
    const issuedAt = new Date('2031-05-01T10:00:00Z');
    const { token, expiresAt } = await tokens.issue(user.id, issuedAt);
    expect((await tokens.verify(token, issuedAt)).sub).toBe(user.id);
    // the same token again: a second before its expiry it is good, at its expiry it has expired
    expect((await tokens.verify(token, new Date(expiresAt.getTime() - 1000))).sub).toBe(user.id);
    await expect(tokens.verify(token, expiresAt)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    // and read at a time more than the skew before it was issued, it is refused, as a fresh token would be
    await expect(tokens.verify(token, new Date(issuedAt.getTime() - 120_000))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    const fresh = new TokenService(testConfig({ TOKEN_SECRET: NEW_SECRET, TOKEN_KEY_ID: 'k2', TOKEN_TTL_SECONDS: '3600', TOKEN_CLOCK_SKEW_SECONDS: '60' }));
    await expect(fresh.verify(token, expiresAt)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    await expect(fresh.verify(token, new Date(issuedAt.getTime() - 120_000))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('refuses a token whose lifetime is longer than TOKEN_TTL_SECONDS', async () => {
    const header = headerOf(user.token);
    const long = await me(forge(header, { sub: user.id, iat: now(), exp: now() + 400 * 86400 }, NEW_SECRET));
    expect(long.status).toBe(401);
    expect(long.body.code).toBe('TOKEN_INVALID');
  });

  it('refuses a correctly signed token whose subject is not a user id, and one for nobody', async () => {
    const header = headerOf(user.token);
    for (const sub of ["x'\u0000", 'not-a-uuid', '', '00000000-0000-0000-0000-00000000000g']) {
      const odd = await me(forge(header, { sub, iat: now(), exp: now() + 600 }, NEW_SECRET));
      expect(odd.status, odd.text).toBe(401);
      expect(odd.body.code).toBe('TOKEN_INVALID');
    }
    const nobody = await me(forge(header, { sub: '6f1c2b8e-8d1e-4f39-9a57-2f2d1c0b9e11', iat: now(), exp: now() + 600 }, NEW_SECRET));
    expect(nobody.status, nobody.text).toBe(401);
  });

  it('signs with the current key id and still accepts tokens of a listed earlier key', async () => {
    expect(headerOf(user.token)).toMatchObject({ alg: 'HS256', kid: 'k2' });
    const before = new TokenService(testConfig({ TOKEN_SECRET: OLD_SECRET, TOKEN_KEY_ID: 'k1', TOKEN_TTL_SECONDS: '3600' }));
    const old = await before.issue(user.id);
    expect(headerOf(old.token).kid).toBe('k1');
    expect((await me(old.token)).status).toBe(200);
  });

  it('refuses an unknown key id, a key id with another key, and a token without a key id', async () => {
    const claims = { sub: user.id, iat: now(), exp: now() + 600 };
    for (const token of [
      forge({ alg: 'HS256', typ: 'JWT', kid: 'k3' }, claims, NEW_SECRET),
      forge({ alg: 'HS256', typ: 'JWT', kid: 'k1' }, claims, NEW_SECRET),
      forge({ alg: 'HS256', typ: 'JWT' }, claims, NEW_SECRET),
      forge({ alg: 'none', typ: 'JWT', kid: 'k2' }, claims, NEW_SECRET),
    ]) {
      const refused = await me(token);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('TOKEN_INVALID');
    }
  });
});
