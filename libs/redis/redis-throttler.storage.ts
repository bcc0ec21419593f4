import { ThrottlerStorage } from '@nestjs/throttler';
import { RedisService } from './redis.service';

/**
 * Counts one fixed window per key, and blocks the key once the count passes the limit, in one atomic script: every
 * API process shares the counts. Hits and block are two keys so that a block outlives the window it started in
 * when blockDuration is longer than it.
 */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }
`;

/**
 * @nestjs/throttler's storage on Redis. Written here rather than taken from a package: the one maintained Redis
 * storage for throttler 6 (@nest-lab/throttler-storage-redis) declares no Node engines and opens its own
 * connection, while this one is a dozen lines over the project's own failing-fast connection and key prefix.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly redis: RedisService) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `throttle:${throttlerName}:${key}`;
    const [hits, ttlMs, blockedMs] = (await this.redis.client.eval(INCREMENT, 2, base, `${base}:blocked`, ttl, limit, blockDuration)) as [
      number,
      number,
      number,
    ];
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockedMs / 1000)),
    };
  }
}
