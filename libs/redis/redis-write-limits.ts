import { RedisService } from './redis.service';

/**
 * Counts one fixed window per key and blocks a key once its count passes its limit, for every limit of a request in
 * one atomic script (one round trip, however many limits): every API process shares the counts. Hits and block are
 * two keys so that a block outlasts the window it started in. The limits are counted in order and counting stops at
 * the first one that is blocked, so a refused request leaves the later counters as they were.
 * KEYS: hits and block key of each limit in turn; ARGV: the window in ms, then each limit. Returns the ms the first
 * blocked key stays blocked, or 0.
 */
const COUNT = `
local window = tonumber(ARGV[1])
for i = 1, #KEYS, 2 do
  local hits = redis.call('INCR', KEYS[i])
  if hits == 1 then redis.call('PEXPIRE', KEYS[i], window) end
  local blocked = redis.call('PTTL', KEYS[i + 1])
  if blocked <= 0 and hits > tonumber(ARGV[(i + 1) / 2 + 1]) then
    redis.call('SET', KEYS[i + 1], '1', 'PX', window)
    blocked = window
  end
  if blocked > 0 then return blocked end
end
return 0
`;

export interface WriteLimit {
  /** What is counted, e.g. `client:<address>`. */
  key: string;
  limit: number;
}

export class RedisWriteLimits {
  constructor(private readonly redis: RedisService) {}

  /** Counts one write against each limit; the seconds until the first one that is exceeded lets writes again, or 0. */
  async count(limits: readonly WriteLimit[], windowMs: number): Promise<number> {
    const keys = limits.flatMap(({ key }) => [`throttle:${key}`, `throttle:${key}:blocked`]);
    const blockedMs = Number(await this.redis.client.eval(COUNT, keys.length, ...keys, windowMs, ...limits.map((l) => l.limit)));
    return blockedMs > 0 ? Math.max(1, Math.ceil(blockedMs / 1000)) : 0;
  }
}
