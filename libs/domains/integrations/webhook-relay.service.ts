import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { TransactionHost } from '@lectern/database/transaction.host';
import { QUEUES } from '@lectern/queue/queue.contract';
import { InjectProducer, Producer } from '@lectern/queue/queue.producer';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhooksRepository } from './webhooks.repository';

/**
 * Every NOTIFY_RELAY_EVERY_MS, in every worker process: fans new outbox rows out into webhook deliveries (Postgres
 * only), then gives each pending delivery without a live job a `webhooks.deliver` job. Job ids are deterministic
 * (`webhook-<delivery>-<generation>`), so a job still live in Redis is not duplicated, and one Redis lost is made
 * again once the delivery's job is NOTIFY_STALE_AFTER_SECONDS old. A delivery is marked enqueued only in the
 * transaction that holds it locked, after Redis accepted its job.
 */
@Injectable()
export class WebhookRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookRelayService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly delivery: WebhookDeliveryService,
    private readonly webhooks: WebhooksRepository,
    @InjectProducer(QUEUES.webhooks) private readonly queue: Producer<'webhooks'>,
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round()
        .then(({ fannedOut, queued }) => {
          // a full batch means a backlog: go on at once
          const { relayBatchSize, relayEveryMs } = this.config.notifications;
          return Math.max(fannedOut, queued) >= relayBatchSize ? 0 : relayEveryMs;
        })
        .catch((error: Error) => {
          this.logger.warn(`webhook relay round interrupted: ${error.message}`);
          return this.config.notifications.relayEveryMs;
        })
        .then((next) => {
          this.running = undefined;
          this.schedule(next);
        });
    }, delayMs);
  }

  async round(): Promise<{ fannedOut: number; queued: number }> {
    const fannedOut = await this.delivery.fanOut(this.config.notifications.relayBatchSize);
    const queued = (await this.queue.ready()) ? await this.enqueue() : 0;
    return { fannedOut, queued };
  }

  private enqueue(): Promise<number> {
    return this.tx.run(async () => {
      const { staleAfterSeconds, relayBatchSize } = this.config.notifications;
      const deliveries = await this.webhooks.claimToEnqueue(staleAfterSeconds, relayBatchSize);
      if (deliveries.length === 0) return 0;
      await this.queue.add(
        'webhooks.deliver',
        deliveries.map((d) => ({ deliveryId: d.id, generation: d.generation })),
      );
      await this.webhooks.markEnqueued(deliveries.map((d) => d.id));
      return deliveries.length;
    });
  }
}
