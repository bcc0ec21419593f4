import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { JOB_OPTIONS, NOTIFICATION_JOB_IDS, QUEUES } from '@lectern/queue/queue.contract';

/**
 * The notifications queue as the relay and the reconciler use it. Unlike the worker's shared connection, which
 * waits out a Redis outage, this one gives up after one reconnection attempt: the relay adds jobs while it holds
 * outbox rows locked in a transaction, and during an outage those rows must be released, not held.
 */
@Injectable()
export class NotificationQueue implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationQueue.name);
  readonly queue: Queue;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.queue = new Queue(QUEUES.notifications, {
      prefix: `${config.redis.prefix}:bull`,
      connection: { url: config.redis.url, maxRetriesPerRequest: 1, connectTimeout: 2_000 },
    });
    this.queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
  }

  /** Whether Redis answers now; the relay skips its round instead of opening transactions it must roll back. */
  async ready(timeoutMs = 1_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const client = await Promise.race([
        this.queue.getBackend().client,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        }),
      ]);
      return client.status === 'ready';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Adding an id that is live in Redis changes nothing; adding one Redis lost creates the job again. */
  async addDispatches(outboxIds: bigint[]): Promise<void> {
    if (outboxIds.length === 0) return;
    await this.queue.addBulk(
      outboxIds.map((id) => ({
        name: 'notifications.dispatch',
        data: { outboxId: id.toString() },
        opts: { ...JOB_OPTIONS['notifications.dispatch'], jobId: NOTIFICATION_JOB_IDS.dispatch(id) },
      })),
    );
  }

  async addDeliveries(deliveries: { id: string; generation: number }[]): Promise<void> {
    if (deliveries.length === 0) return;
    const { maxAttempts, backoffMs } = this.config.notifications;
    await this.queue.addBulk(
      deliveries.map((d) => ({
        name: 'notifications.deliver',
        data: { deliveryId: d.id, generation: d.generation },
        opts: {
          ...JOB_OPTIONS['notifications.deliver'],
          attempts: maxAttempts,
          backoff: { type: 'exponential', delay: backoffMs },
          jobId: NOTIFICATION_JOB_IDS.deliver(d.id, d.generation),
        },
      })),
    );
  }

  async onModuleDestroy(): Promise<void> {
    // closing while Redis is away must not take the process down with it
    await this.queue.close().catch((error: Error) => this.logger.warn(`closing the queue: ${error.message}`));
  }
}
