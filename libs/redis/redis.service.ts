import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { redisConnection } from './redis.connection';

/** A general-purpose Redis connection under the configured key prefix, failing fast (see `redisConnection`). */
@Injectable()
export class RedisService implements OnModuleDestroy {
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis(redisConnection(config.redis, 'client'));
    // Connection errors surface through the commands that fail; ioredis keeps reconnecting.
    this.client.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
