import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { QUEUES } from './queue.contract';

/** BullMQ on the configured Redis, every queue of the contract registered, keys under the configured prefix. */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig, role: 'producer' | 'worker'): DynamicModule {
    const bull = BullModule.forRoot({
      prefix: `${config.redis.prefix}:bull`,
      connection: {
        url: config.redis.url,
        // Workers must wait out a Redis outage; producers in the API fail fast so a request never hangs on it.
        maxRetriesPerRequest: role === 'worker' ? null : 1,
        enableOfflineQueue: role === 'worker',
      },
    });
    const queues = BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name })));
    return { module: QueueModule, imports: [bull, queues], exports: [queues] };
  }
}
