import { Injectable } from '@nestjs/common';
import { RedisService } from '@lectern/redis/redis.service';
import { HealthRepository } from './health.repository';

export type CheckState = 'up' | 'down';

const CHECK_TIMEOUT_MS = 1_500;

/** `up` when `work` settles successfully within the check's time limit; a hung connection counts as down. */
export function withinCheckTimeout(work: Promise<unknown>): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckState>((resolve) => {
    timer = setTimeout(() => resolve('down'), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work.then(() => 'up' as const, () => 'down' as const), timeout]).finally(() => clearTimeout(timer));
}

/** Whether the process reaches what both apps stand on; the API's and the worker's `/health/ready` ask it. */
@Injectable()
export class HealthService {
  constructor(
    private readonly db: HealthRepository,
    private readonly redis: RedisService,
  ) {}

  /** Each dependency answers within its own time limit. */
  async readiness(): Promise<{ ready: boolean; checks: { postgres: CheckState; redis: CheckState } }> {
    const [postgres, redis] = await Promise.all([withinCheckTimeout(this.db.ping()), withinCheckTimeout(this.redis.client.ping())]);
    return { ready: postgres === 'up' && redis === 'up', checks: { postgres, redis } };
  }
}
