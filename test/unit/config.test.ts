import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@lectern/config/config';

describe('configuration', () => {
  it('uses development defaults and generates a token secret', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toContain('postgresql://');
    expect(config.auth.tokenSecretGenerated).toBe(true);
    expect(config.auth.tokenSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('requires the database, Redis and token secret in production, naming each variable', () => {
    try {
      loadConfig({ NODE_ENV: 'production' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['DATABASE_URL', 'REDIS_URL', 'TOKEN_SECRET', 'SMTP_HOST', 'MAIL_FROM', 'PUBLIC_BASE_URL']) {
        expect(message).toContain(name);
      }
    }
  });

  it('refuses malformed values with a message naming the variable', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'eighty' }, /PORT must be a whole number/],
      [{ PORT: '70000' }, /PORT must be between/],
      [{ DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL must start with postgres/],
      [{ REDIS_URL: 'not a url' }, /REDIS_URL is not a valid URL/],
      [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
      [{ TOKEN_SECRET: 'short' }, /TOKEN_SECRET must be at least 32/],
      [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY must be true or false/],
      [{ ADMIN_EMAIL: 'a@b.c' }, /ADMIN_EMAIL and ADMIN_PASSWORD must be set together/],
      [{ REDIS_PREFIX: 'has:colon' }, /REDIS_PREFIX/],
      [{ TOKEN_KEY_ID: 'a b' }, /TOKEN_KEY_ID must be/],
      [{ TOKEN_PREVIOUS_KEYS: 'k0:short' }, /TOKEN_PREVIOUS_KEYS must be a comma-separated list of kid:secret/],
      [{ TOKEN_PREVIOUS_KEYS: `1:${'x'.repeat(32)}` }, /TOKEN_PREVIOUS_KEYS lists the current TOKEN_KEY_ID "1"/],
      [{ JSON_MAX_DEPTH: '1' }, /JSON_MAX_DEPTH must be between/],
    ];
    for (const [env, message] of cases) expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://lectern@db:5432/lectern',
      REDIS_URL: 'redis://cache:6379/2',
      TOKEN_SECRET: 'x'.repeat(48),
      SMTP_HOST: 'smtp.example.org',
      MAIL_FROM: 'Lectern <no-reply@example.org>',
      PUBLIC_BASE_URL: 'https://cfp.example.org',
      PORT: '8080',
    });
    expect(config).toMatchObject({ env: 'production', http: { port: 8080 }, auth: { tokenSecretGenerated: false } });
  });
});
