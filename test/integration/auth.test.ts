import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '@lectern/domains/auth/token.service';
import { TEST_PASSWORD, TestApi, signUp, startApi, uniqueEmail } from '@test/support/harness';
import { Problem, Wire } from '@test/support/api-types';
import { SessionDto } from '@api/auth/auth.dto';

describe('auth', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
  });
  afterAll(() => api.close());

  it('signs up, logs in and returns the user from /v1/me', async () => {
    const email = uniqueEmail('ada');
    const signup = await api.http.post<Wire<SessionDto>>('/v1/auth/signup', { email: email.toUpperCase(), password: TEST_PASSWORD, name: 'Ada' });
    expect(signup.status).toBe(201);
    expect(signup.body.user).toMatchObject({ email, name: 'Ada', isAdmin: false, locale: 'en' });
    expect(signup.body).not.toHaveProperty('user.passwordHash');

    const login = await api.http.post<Wire<SessionDto>>('/v1/auth/login', { email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(new Date(login.body.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const me = await api.http.get('/v1/me', { token: login.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email, name: 'Ada', roles: [] });
  });

  it('refuses a second account with the same e-mail, in any case', async () => {
    const email = uniqueEmail('dup');
    await api.http.post('/v1/auth/signup', { email, password: TEST_PASSWORD, name: 'One' });
    const again = await api.http.post<Problem>('/v1/auth/signup', { email: email.toUpperCase(), password: TEST_PASSWORD, name: 'Two' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const user = await signUp(api.http, 'wrongpw');
    const wrong = await api.http.post<Problem>('/v1/auth/login', { email: user.email, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const unknown = await api.http.post<Problem>('/v1/auth/login', { email: uniqueEmail('nobody'), password: 'whatever-password' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('requires a token on /v1/me and rejects a tampered one', async () => {
    const none = await api.http.get<Problem>('/v1/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const user = await signUp(api.http, 'tamper');
    const [header, payload, signature] = user.token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), exp: 9999999999 })).toString('base64url');
    const tampered = await api.http.get<Problem>('/v1/me', { token: `${header}.${forged}.${signature}` });
    expect(tampered.status).toBe(401);
    expect(tampered.body.code).toBe('TOKEN_INVALID');
  });

  it('rejects an expired token', async () => {
    const user = await signUp(api.http, 'expired');
    const tokens = new TokenService(api.config);
    const { token } = await tokens.issue(user.id, new Date(Date.now() - (api.config.auth.tokenTtlSeconds + 5) * 1000));
    const response = await api.http.get<Problem>('/v1/me', { token, lang: 'zh-CN' });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('TOKEN_EXPIRED');
    expect(response.body.detail).toBe('访问令牌已过期，请重新登录。');
    // the same user with a fresh token is fine: the refusal is about the expiry alone
    expect((await api.http.get('/v1/me', { token: (await tokens.issue(user.id)).token })).status).toBe(200);
  });

  it('rate-limits sign-in per account, also under concurrent guesses, with Retry-After', async () => {
    const user = await signUp(api.http, 'limited');
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () => api.http.post<Problem>('/v1/auth/login', { email: user.email, password: 'wrong-password-guess' })),
    );
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const limited = attempts.find((a) => a.status === 429)!;
    expect(limited.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // even the right password is refused until the window passes
    const right = await api.http.post('/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(right.status).toBe(429);
  });

  it('rate-limits sign-in per client address across accounts', async () => {
    const proxied = await startApi({ LOGIN_MAX_ATTEMPTS_PER_CLIENT: '4', TRUST_PROXY: 'true' });
    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const other = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const response = await proxied.http.post(
          '/v1/auth/login',
          { email: uniqueEmail('spray'), password: 'some-password' },
          { headers: { 'x-forwarded-for': address } },
        );
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
      const elsewhere = await proxied.http.post(
        '/v1/auth/login',
        { email: uniqueEmail('spray'), password: 'some-password' },
        { headers: { 'x-forwarded-for': other } },
      );
      expect(elsewhere.status).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  it('lets each person choose their language among those Lectern speaks', async () => {
    const person = await signUp(api.http, 'chooser');
    const korean = await api.http.patch('/v1/me', { locale: 'ko' }, { token: person.token });
    expect(korean.status).toBe(200);
    expect(korean.body).toMatchObject({ locale: 'ko' });
    expect((await api.http.get('/v1/me', { token: person.token })).body).toMatchObject({ locale: 'ko' });
    const klingon = await api.http.patch<Problem>('/v1/me', { locale: 'tlh' }, { token: person.token, lang: 'ja' });
    expect(klingon.status).toBe(400);
    expect(klingon.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'locale', code: 'isIn' }] });
    expect((await api.http.patch('/v1/me', { locale: 'ja' })).status).toBe(401);
  });
});
