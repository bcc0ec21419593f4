import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { TransactionHost } from '@lectern/database/transaction.host';
import { QUEUES } from '@lectern/queue/queue.contract';
import { InjectProducer, Producer } from '@lectern/queue/queue.producer';
import { DeliveriesRepository } from './deliveries.repository';
import { causesMessages } from './deliveries.service';

const dispatchOf = (outboxId: bigint) => ({ outboxId: outboxId.toString() });

export interface RelayRound {
  relayed: number;
  dispatchesRequeued: number;
  deliveriesQueued: number;
}

/**
 * Moves work from Postgres into BullMQ, every NOTIFY_RELAY_EVERY_MS, in every worker process:
 * 1. unprocessed outbox rows, in id order, become dispatch jobs with the id `outbox-<id>`; a row is marked
 *    processed in the same transaction that holds it locked, after Redis accepted its job, so a Redis outage
 *    leaves it unprocessed for a later round, and rows locked by another worker's relay are skipped;
 * 2. dispatches still QUEUED long after their job was added, and deliveries still PENDING long after theirs
 *    (or claimed by a worker that died), get their job again. Job ids are deterministic, so a job still live in
 *    Redis is not duplicated; one that Redis lost (a restart without persistence) is created again.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RelayService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;
  private redisDown = false;

  constructor(
    private readonly repository: DeliveriesRepository,
    @InjectProducer(QUEUES.notifications) private readonly queue: Producer<'notifications'>,
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
        .then((result) => {
          // a full batch means a backlog (a burst of registrations): go on at once instead of waiting
          const { relayBatchSize, relayEveryMs } = this.config.notifications;
          const full = result !== null && Math.max(result.relayed, result.dispatchesRequeued, result.deliveriesQueued) >= relayBatchSize;
          return full ? 0 : relayEveryMs;
        })
        .catch((error: Error) => {
          this.logger.error(`relay round failed: ${error.message}`);
          return this.config.notifications.relayEveryMs;
        })
        .then((next) => {
          this.running = undefined;
          this.schedule(next);
        });
    }, delayMs);
  }

  /** One pass of the relay and the reconciler; null when Redis is unreachable and nothing was attempted. */
  async round(): Promise<RelayRound | null> {
    if (!(await this.queue.ready())) {
      if (!this.redisDown) this.logger.warn('Redis is unreachable: outbox rows and deliveries wait in Postgres');
      this.redisDown = true;
      return null;
    }
    try {
      const result = {
        relayed: await this.relayOutbox(),
        dispatchesRequeued: await this.requeueStaleDispatches(),
        deliveriesQueued: await this.queueDeliveries(),
      };
      if (this.redisDown) this.logger.log('Redis is back: relaying what waited');
      this.redisDown = false;
      if (result.relayed + result.dispatchesRequeued + result.deliveriesQueued > 0) this.logger.debug(`relay round: ${JSON.stringify(result)}`);
      return result;
    } catch (error) {
      // Redis (or Postgres) went away mid-round: the transaction rolled back and the rows wait for the next one
      this.logger.warn(`relay round interrupted: ${(error as Error).message}`);
      return null;
    }
  }

  private relayOutbox(): Promise<number> {
    return this.tx.run(async () => {
      const rows = await this.repository.claimUnrelayedOutbox(this.config.notifications.relayBatchSize);
      if (rows.length === 0) return 0;
      const dispatched = rows.filter((row) => causesMessages(row.type)).map((row) => row.id);
      await this.queue.add('notifications.dispatch', dispatched.map(dispatchOf));
      await this.repository.markRelayed(
        rows.map((row) => row.id),
        dispatched,
      );
      return rows.length;
    });
  }

  private requeueStaleDispatches(): Promise<number> {
    return this.tx.run(async () => {
      const { staleAfterSeconds, relayBatchSize } = this.config.notifications;
      const ids = await this.repository.claimStaleDispatches(staleAfterSeconds, relayBatchSize);
      if (ids.length === 0) return 0;
      await this.queue.add('notifications.dispatch', ids.map(dispatchOf));
      await this.repository.touchDispatches(ids);
      return ids.length;
    });
  }

  private queueDeliveries(): Promise<number> {
    return this.tx.run(async () => {
      const { staleAfterSeconds, sendLeaseSeconds, relayBatchSize } = this.config.notifications;
      const deliveries = await this.repository.claimDeliveriesToEnqueue(staleAfterSeconds, sendLeaseSeconds, relayBatchSize);
      if (deliveries.length === 0) return 0;
      await this.queue.add(
        'notifications.deliver',
        deliveries.map((d) => ({ deliveryId: d.id, generation: d.generation })),
      );
      await this.repository.markEnqueued(deliveries.map((d) => d.id));
      return deliveries.length;
    });
  }
}
