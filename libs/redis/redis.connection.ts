import { AppConfig } from '@lectern/config/config';

export type RedisSettings = AppConfig['redis'];

/**
 * What a connection is for; each purpose needs its own failure behaviour:
 * - `client`: RedisService (health checks, idempotency); keys under `<REDIS_PREFIX>:`, commands fail at once while
 *   disconnected, so callers see an outage immediately.
 * - `producer`: a BullMQ Queue that adds jobs; a command gives up after one reconnection attempt, so a request or
 *   the relay (which adds jobs while it holds outbox rows locked) never hangs on Redis.
 * - `consumer`: a BullMQ Worker or QueueEvents; blocking commands that wait out an outage, as BullMQ requires.
 * - `admin`: whole-keyspace chores (deleting a test run's keys): no key prefix, fails fast.
 */
export type RedisPurpose = 'client' | 'producer' | 'consumer' | 'admin';

/** Where the server is, from a redis:// or rediss:// URL. */
function serverOptions(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * ioredis options for one purpose; every Redis connection of both apps, the tests and the bench is built from these.
 * (Plain objects, so that both ioredis's and BullMQ's types of the options accept them.)
 */
export function redisConnection(redis: RedisSettings, purpose: RedisPurpose) {
  const server = serverOptions(redis.url);
  switch (purpose) {
    case 'client':
      return {
        ...server,
        keyPrefix: `${redis.prefix}:`,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2_000,
        retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
      };
    case 'producer':
    case 'admin':
      // Disabling the offline queue would fail faster still, but BullMQ's own shutdown then rejects unhandled when
      // Redis is away at that moment.
      return { ...server, maxRetriesPerRequest: 1, connectTimeout: 2_000 };
    case 'consumer':
      return { ...server, maxRetriesPerRequest: null };
  }
}

/** BullMQ keys live under `<REDIS_PREFIX>:bull`, beside the general client's `<REDIS_PREFIX>:` keys. */
const bullPrefix = (redis: RedisSettings) => `${redis.prefix}:bull`;

/** The connection and key prefix of a BullMQ Queue (`producer`) or Worker / QueueEvents (`consumer`). */
export function bullConnection(redis: RedisSettings, purpose: 'producer' | 'consumer') {
  return { connection: redisConnection(redis, purpose), prefix: bullPrefix(redis) };
}
