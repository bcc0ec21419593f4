import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { QUEUES } from './queue.contract';

/** BullMQ on the configured Redis, every queue of the contract registered, keys under the configured prefix. */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig, role: 'producer' | 'worker'): DynamicModule {
    const bull = BullModule.forRoot({
      prefix: `${config.redis.prefix}:bull`,
      connection: {
        url: config.redis.url,
        // Workers wait out a Redis outage; in the API a command gives up after one reconnection attempt, so a
        // request never hangs on Redis. (Disabling the offline queue would fail faster still, but BullMQ's own
        // shutdown then rejects unhandled when Redis is away at that moment.)
        maxRetriesPerRequest: role === 'worker' ? null : 1,
      },
    });
    const queues = BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name })));
    return { global: true, module: QueueModule, imports: [bull, queues], exports: [queues] };
  }
}
