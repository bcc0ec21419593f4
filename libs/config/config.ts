import { randomBytes } from 'node:crypto';

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  env: NodeEnv;
  http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    /** Deepest nesting of arrays and objects a JSON body may have; checked on the text, before it is parsed. */
    jsonMaxDepth: number;
    trustProxy: boolean;
    /** Origins allowed to call the API from a browser (CORS); empty: no CORS headers at all. */
    corsOrigins: string[];
  };
  /** Writes (POST, PUT, PATCH, DELETE) allowed per window, shared by every API process through Redis. */
  rateLimits: { windowSeconds: number; writesPerClient: number; writesPerAccount: number };
  database: {
    url: string;
    poolSize: number;
    /** Connections of the separate pool that CSV exports stream through, so they never hold the request pool's. */
    exportPoolSize: number;
    /** KB a second that an API process's exports pass on between them while other requests are being answered; 0: no limit. */
    exportBusyKbPerSecond: number;
    /** How long a request waits for a free connection of the request pool before it is answered 503 DATABASE_BUSY. */
    poolWaitMs: number;
  };
  redis: { url: string; prefix: string };
  auth: {
    tokenSecret: string;
    /** True when no TOKEN_SECRET was given and a random one was made for this process (development only). */
    tokenSecretGenerated: boolean;
    /** `kid` of the tokens signed with tokenSecret. */
    tokenKeyId: string;
    /** Keys that signed earlier tokens and still verify them (rotation): TOKEN_PREVIOUS_KEYS. */
    previousTokenKeys: { id: string; secret: string }[];
    tokenTtlSeconds: number;
    /** How far ahead of this server's clock a token's `iat` may be (other servers' clocks drift). */
    tokenClockSkewSeconds: number;
    loginWindowSeconds: number;
    maxFailuresPerAccount: number;
    maxAttemptsPerClient: number;
  };
  admin: { email: string; password: string } | null;
  log: { level: LogLevel };
  worker: {
    maintenanceEverySeconds: number;
    concurrency: number;
    /** The worker's own HTTP port (health and metrics), on `http.host`; 0 picks a free one (tests). */
    httpPort: number;
  };
  mail: {
    smtp: { host: string; port: number; secure: boolean; user: string | null; password: string | null };
    /** From header, e.g. `Lectern <no-reply@example.org>`. */
    from: string;
    /** Whole-message deadline for one SMTP send (connect, greeting, DATA); the send is aborted after it. */
    timeoutMs: number;
    /** Where people open the links in e-mails (no trailing slash). */
    publicBaseUrl: string;
  };
  notifications: {
    relayEveryMs: number;
    relayBatchSize: number;
    /** A queued dispatch or pending delivery whose job was added this long ago is added again (Redis may have lost it). */
    staleAfterSeconds: number;
    /** A delivery claimed for sending this long ago belongs to a worker that died; it may be claimed again. */
    sendLeaseSeconds: number;
    maxAttempts: number;
    backoffMs: number;
    /** BullMQ lock duration (and stalled-job check interval) of the notification worker. */
    jobLockMs: number;
  };
  webhooks: {
    /**
     * Hosts (names or literal addresses) exempt from the safe-target rules: plain http and private or loopback
     * addresses are allowed for them. For development and tests; empty by default.
     */
    allowHosts: string[];
    /** Whole-request deadline of one delivery attempt. */
    timeoutMs: number;
    maxAttempts: number;
    backoffMs: number;
    /** Failed attempts in a row (across deliveries) after which a subscription is disabled and organisers told. */
    disableAfterFailures: number;
    /** How long the previous secret still signs (next to the new one) after a rotation. */
    secretOverlapSeconds: number;
  };
  registrations: { offerTtlSeconds: number; offerSweepEverySeconds: number; idempotencyTtlSeconds: number };
  reports: {
    /** Groups of fewer people than this are merged into "other" or suppressed in transparency reports. */
    privacyThreshold: number;
    /** BullMQ lock duration (and stalled-job check interval) of the report worker. */
    jobLockMs: number;
    /** A report RUNNING without a heartbeat for this long belongs to a dead worker: the sweep re-queues or fails it. */
    stuckAfterSeconds: number;
    /** Longest a single statistics statement may run; a cancelled one is a failed attempt, retried like any other. */
    statementTimeoutMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NODE_ENVS: NodeEnv[] = ['development', 'test', 'production'];
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Reads the environment once (the process's own unless told otherwise: tests and scripts pass theirs). Every
 * problem is collected so an operator fixes them all in one go; in production, nothing falls back to a
 * development default.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: string) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  const nodeEnv = oneOf(read('NODE_ENV') ?? 'development', NODE_ENVS, 'NODE_ENV', problems) ?? 'development';
  const production = nodeEnv === 'production';

  const devDefault = (name: string, fallback: string) => {
    const value = read(name);
    if (value !== undefined) return value;
    if (production) problems.push(`${name} is required in production`);
    return fallback;
  };

  const databaseUrl = url(
    devDefault('DATABASE_URL', 'postgresql://postgres@127.0.0.1:5432/lectern'),
    ['postgres:', 'postgresql:'],
    'DATABASE_URL',
    problems,
  );
  const redisUrl = url(devDefault('REDIS_URL', 'redis://127.0.0.1:6379'), ['redis:', 'rediss:'], 'REDIS_URL', problems);

  const redisPrefix = read('REDIS_PREFIX') ?? 'lectern';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(redisPrefix)) {
    problems.push('REDIS_PREFIX must be 1-64 letters, digits, "_" or "-"');
  }

  let tokenSecret = read('TOKEN_SECRET');
  let tokenSecretGenerated = false;
  if (tokenSecret === undefined) {
    if (production) problems.push('TOKEN_SECRET is required in production');
    tokenSecret = randomBytes(32).toString('base64url');
    tokenSecretGenerated = true;
  } else if (tokenSecret.length < 32) {
    problems.push('TOKEN_SECRET must be at least 32 characters long');
  }

  const tokenKeyId = read('TOKEN_KEY_ID') ?? '1';
  if (!KEY_ID.test(tokenKeyId)) problems.push('TOKEN_KEY_ID must be 1-64 letters, digits, ".", "_" or "-"');
  const previousTokenKeys = (read('TOKEN_PREVIOUS_KEYS') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const colon = entry.indexOf(':');
      const key = { id: entry.slice(0, colon), secret: entry.slice(colon + 1) };
      if (colon < 1 || !KEY_ID.test(key.id) || key.secret.length < 32) {
        problems.push('TOKEN_PREVIOUS_KEYS must be a comma-separated list of kid:secret, each secret at least 32 characters long');
      } else if (key.id === tokenKeyId) {
        problems.push(`TOKEN_PREVIOUS_KEYS lists the current TOKEN_KEY_ID "${tokenKeyId}"`);
      }
      return key;
    });

  const adminEmail = read('ADMIN_EMAIL');
  const adminPassword = read('ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== undefined && adminPassword.length < 12) {
    problems.push('ADMIN_PASSWORD must be at least 12 characters long');
  }

  const config: AppConfig = {
    env: nodeEnv,
    http: {
      host: read('HOST') ?? '0.0.0.0',
      port: int(read('PORT'), 3000, 0, 65535, 'PORT', problems),
      bodyLimitBytes: int(read('BODY_LIMIT_BYTES'), 1_048_576, 1024, 100 * 1_048_576, 'BODY_LIMIT_BYTES', problems),
      jsonMaxDepth: int(read('JSON_MAX_DEPTH'), 32, 2, 1000, 'JSON_MAX_DEPTH', problems),
      trustProxy: bool(read('TRUST_PROXY'), false, 'TRUST_PROXY', problems),
      corsOrigins: (read('CORS_ORIGINS') ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== '')
        .map((origin) => {
          const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
          if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
            problems.push(`CORS_ORIGINS: "${origin}" is not an origin such as https://example.org`);
          }
          return origin;
        }),
    },
    rateLimits: {
      windowSeconds: int(read('RATE_LIMIT_WINDOW_SECONDS'), 60, 1, 86400, 'RATE_LIMIT_WINDOW_SECONDS', problems),
      writesPerClient: int(read('RATE_LIMIT_WRITES_PER_CLIENT'), 300, 1, 10_000_000, 'RATE_LIMIT_WRITES_PER_CLIENT', problems),
      writesPerAccount: int(read('RATE_LIMIT_WRITES_PER_ACCOUNT'), 120, 1, 10_000_000, 'RATE_LIMIT_WRITES_PER_ACCOUNT', problems),
    },
    database: {
      url: databaseUrl,
      poolSize: int(read('DATABASE_POOL_SIZE'), 10, 1, 500, 'DATABASE_POOL_SIZE', problems),
      exportPoolSize: int(read('DATABASE_EXPORT_POOL_SIZE'), 1, 1, 50, 'DATABASE_EXPORT_POOL_SIZE', problems),
      exportBusyKbPerSecond: int(read('DATABASE_EXPORT_BUSY_KB_PER_S'), 2048, 0, 10_000_000, 'DATABASE_EXPORT_BUSY_KB_PER_S', problems),
      poolWaitMs: int(read('DATABASE_POOL_WAIT_MS'), 5_000, 10, 120_000, 'DATABASE_POOL_WAIT_MS', problems),
    },
    redis: { url: redisUrl, prefix: redisPrefix },
    auth: {
      tokenSecret,
      tokenSecretGenerated,
      tokenKeyId,
      previousTokenKeys,
      tokenTtlSeconds: int(read('TOKEN_TTL_SECONDS'), 12 * 3600, 1, 30 * 24 * 3600, 'TOKEN_TTL_SECONDS', problems),
      tokenClockSkewSeconds: int(read('TOKEN_CLOCK_SKEW_SECONDS'), 60, 0, 3600, 'TOKEN_CLOCK_SKEW_SECONDS', problems),
      loginWindowSeconds: int(read('LOGIN_WINDOW_SECONDS'), 900, 1, 86_400, 'LOGIN_WINDOW_SECONDS', problems),
      maxFailuresPerAccount: int(read('LOGIN_MAX_FAILURES_PER_ACCOUNT'), 5, 1, 1000, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', problems),
      maxAttemptsPerClient: int(read('LOGIN_MAX_ATTEMPTS_PER_CLIENT'), 30, 1, 100_000, 'LOGIN_MAX_ATTEMPTS_PER_CLIENT', problems),
    },
    admin: adminEmail && adminPassword ? { email: adminEmail.toLowerCase(), password: adminPassword } : null,
    log: { level: oneOf(read('LOG_LEVEL') ?? 'info', LOG_LEVELS, 'LOG_LEVEL', problems) ?? 'info' },
    mail: mailConfig(read, devDefault, problems),
    notifications: {
      relayEveryMs: int(read('NOTIFY_RELAY_EVERY_MS'), 1_000, 50, 60_000, 'NOTIFY_RELAY_EVERY_MS', problems),
      relayBatchSize: int(read('NOTIFY_RELAY_BATCH_SIZE'), 200, 1, 5_000, 'NOTIFY_RELAY_BATCH_SIZE', problems),
      staleAfterSeconds: int(read('NOTIFY_STALE_AFTER_SECONDS'), 120, 1, 86_400, 'NOTIFY_STALE_AFTER_SECONDS', problems),
      sendLeaseSeconds: int(read('NOTIFY_SEND_LEASE_SECONDS'), 300, 2, 86_400, 'NOTIFY_SEND_LEASE_SECONDS', problems),
      maxAttempts: int(read('NOTIFY_MAX_ATTEMPTS'), 8, 1, 50, 'NOTIFY_MAX_ATTEMPTS', problems),
      backoffMs: int(read('NOTIFY_BACKOFF_MS'), 5_000, 10, 3_600_000, 'NOTIFY_BACKOFF_MS', problems),
      jobLockMs: int(read('NOTIFY_JOB_LOCK_MS'), 30_000, 1_000, 600_000, 'NOTIFY_JOB_LOCK_MS', problems),
    },
    webhooks: {
      allowHosts: (read('WEBHOOK_ALLOW_HOSTS') ?? '')
        .split(',')
        .map((host) => host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1'))
        .filter((host) => host.length > 0),
      timeoutMs: int(read('WEBHOOK_TIMEOUT_MS'), 10_000, 100, 120_000, 'WEBHOOK_TIMEOUT_MS', problems),
      maxAttempts: int(read('WEBHOOK_MAX_ATTEMPTS'), 8, 1, 50, 'WEBHOOK_MAX_ATTEMPTS', problems),
      backoffMs: int(read('WEBHOOK_BACKOFF_MS'), 5_000, 10, 3_600_000, 'WEBHOOK_BACKOFF_MS', problems),
      disableAfterFailures: int(read('WEBHOOK_DISABLE_AFTER_FAILURES'), 50, 1, 10_000, 'WEBHOOK_DISABLE_AFTER_FAILURES', problems),
      secretOverlapSeconds: int(read('WEBHOOK_SECRET_OVERLAP_SECONDS'), 86_400, 0, 30 * 86_400, 'WEBHOOK_SECRET_OVERLAP_SECONDS', problems),
    },
    worker: {
      maintenanceEverySeconds: int(read('MAINTENANCE_EVERY_SECONDS'), 300, 1, 86_400, 'MAINTENANCE_EVERY_SECONDS', problems),
      concurrency: int(read('WORKER_CONCURRENCY'), 4, 1, 64, 'WORKER_CONCURRENCY', problems),
      httpPort: int(read('WORKER_HTTP_PORT'), 9464, 0, 65535, 'WORKER_HTTP_PORT', problems),
    },
    registrations: {
      offerTtlSeconds: int(read('WAITLIST_OFFER_TTL_SECONDS'), 48 * 3600, 60, 30 * 86_400, 'WAITLIST_OFFER_TTL_SECONDS', problems),
      offerSweepEverySeconds: int(read('WAITLIST_SWEEP_EVERY_SECONDS'), 60, 1, 86_400, 'WAITLIST_SWEEP_EVERY_SECONDS', problems),
      idempotencyTtlSeconds: int(read('IDEMPOTENCY_TTL_SECONDS'), 24 * 3600, 60, 30 * 86_400, 'IDEMPOTENCY_TTL_SECONDS', problems),
    },
    reports: {
      privacyThreshold: int(read('REPORT_PRIVACY_THRESHOLD'), 5, 1, 1_000, 'REPORT_PRIVACY_THRESHOLD', problems),
      jobLockMs: int(read('REPORT_JOB_LOCK_MS'), 30_000, 1_000, 600_000, 'REPORT_JOB_LOCK_MS', problems),
      // at least three of the worker's 5-second heartbeats
      stuckAfterSeconds: int(read('REPORT_STUCK_AFTER_SECONDS'), 900, 15, 86_400, 'REPORT_STUCK_AFTER_SECONDS', problems),
      statementTimeoutMs: int(read('REPORT_STATEMENT_TIMEOUT_MS'), 300_000, 100, 3_600_000, 'REPORT_STATEMENT_TIMEOUT_MS', problems),
    },
  };

  // A send still running when its lease ends could be claimed and sent a second time by another worker.
  if (config.notifications.sendLeaseSeconds * 1000 < 2 * config.mail.timeoutMs) {
    problems.push('NOTIFY_SEND_LEASE_SECONDS must be at least twice SMTP_TIMEOUT_MS');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function int(raw: string | undefined, fallback: number, min: number, max: number, name: string, problems: string[]) {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) {
    problems.push(`${name} must be a whole number, got "${raw}"`);
    return fallback;
  }
  const value = Number(raw);
  if (value < min || value > max) {
    problems.push(`${name} must be between ${min} and ${max}, got ${value}`);
    return fallback;
  }
  return value;
}

function bool(raw: string | undefined, fallback: boolean, name: string, problems: string[]) {
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

function oneOf<T extends string>(raw: string, allowed: readonly T[], name: string, problems: string[]): T | undefined {
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return undefined;
}

function url(raw: string, protocols: string[], name: string, problems: string[]) {
  try {
    const parsed = new URL(raw);
    if (!protocols.includes(parsed.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    }
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  return raw;
}

const MAIL_FROM = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

/** Where e-mail goes and what its links point at: a production deployment must say so explicitly. */
function mailConfig(
  read: (name: string) => string | undefined,
  devDefault: (name: string, fallback: string) => string,
  problems: string[],
): AppConfig['mail'] {
  const user = read('SMTP_USER') ?? null;
  const password = read('SMTP_PASSWORD') ?? null;
  if ((user === null) !== (password === null)) problems.push('SMTP_USER and SMTP_PASSWORD must be set together');
  const from = devDefault('MAIL_FROM', 'Lectern <no-reply@lectern.localhost>');
  if (!MAIL_FROM.test(from)) problems.push('MAIL_FROM must be an address, optionally with a name: "Name <a@b.org>"');
  const publicBaseUrl = devDefault('PUBLIC_BASE_URL', 'http://localhost:3000').replace(/\/+$/, '');
  url(publicBaseUrl, ['http:', 'https:'], 'PUBLIC_BASE_URL', problems);
  return {
    smtp: {
      host: devDefault('SMTP_HOST', '127.0.0.1'),
      port: int(read('SMTP_PORT'), 1025, 1, 65535, 'SMTP_PORT', problems),
      secure: bool(read('SMTP_SECURE'), false, 'SMTP_SECURE', problems),
      user,
      password,
    },
    from,
    timeoutMs: int(read('SMTP_TIMEOUT_MS'), 60_000, 200, 600_000, 'SMTP_TIMEOUT_MS', problems),
    publicBaseUrl,
  };
}

/**
 * The environment a child process of ours starts with: this process's own, plus `overrides`. Only benchmarks and
 * tests start Lectern processes, and they name what differs; everything else passes through.
 */
export function childEnvironment(overrides: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}
