import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { QUEUES, isNotificationDelivery, isNotificationDispatch } from '@lectern/queue/queue.contract';
import {
  DeliveryResult,
  DispatchResult,
  DeliveriesService,
  PermanentDeliveryError,
} from '@lectern/domains/notifications/deliveries.service';

/**
 * The notifications queue's BullMQ worker. It is built here rather than with @Processor because its lock
 * duration, stalled-job interval and concurrency come from the configuration read at start-up: after a worker is
 * killed, its active jobs go back to the queue once their lock expires, so tests and operators choose how soon.
 */
@Injectable()
export class NotificationsProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private worker: Worker | undefined;

  constructor(
    private readonly notifications: DeliveriesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { jobLockMs } = this.config.notifications;
    this.worker = new Worker(QUEUES.notifications, (job, token) => this.process(job, token), {
      prefix: `${this.config.redis.prefix}:bull`,
      connection: { url: this.config.redis.url, maxRetriesPerRequest: null },
      concurrency: this.config.worker.concurrency,
      lockDuration: jobLockMs,
      stalledInterval: jobLockMs,
      // a job that keeps stalling is dropped from Redis; its row is still PENDING in Postgres and gets a new job
      maxStalledCount: 2,
    });
    this.worker.on('error', (error) => this.logger.warn(`notifications worker: ${error.message}`));
  }

  /** Lets running jobs finish (SIGTERM); a job cut short is picked up again from its row's state. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job, token?: string): Promise<DispatchResult | DeliveryResult> {
    if (job.name === 'notifications.dispatch' && isNotificationDispatch(job.data)) {
      const outboxId = BigInt(job.data.outboxId);
      try {
        return await this.notifications.dispatch(outboxId);
      } catch (error) {
        if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.notifications.recordDispatchFailure(outboxId, error);
        throw error;
      }
    }
    if (job.name === 'notifications.deliver' && isNotificationDelivery(job.data)) {
      let result: DeliveryResult;
      try {
        result = await this.notifications.deliver(job.data.deliveryId, job.data.generation);
      } catch (error) {
        if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
        throw error;
      }
      if (result.outcome === 'busy' && token) {
        // not a failed attempt: look again when the other run's claim ends
        await job.moveToDelayed(Date.now() + result.retryInMs, token);
        throw new DelayedError();
      }
      return result;
    }
    throw new UnrecoverableError(`unknown notifications job ${job.name}`);
  }
}
