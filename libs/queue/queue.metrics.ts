import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Queue } from 'bullmq';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { MetricsService } from '@lectern/metrics/metrics.service';
import { bullConnection } from '@lectern/redis/redis.connection';
import { QUEUES } from './queue.contract';

/** The job states an operator watches: work piling up (waiting, delayed), in hand (active), or given up (failed). */
const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** A scrape must answer even while Redis is away; it then shows no queue series rather than hanging. */
const SCRAPE_TIMEOUT_MS = 1_500;

function within<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${SCRAPE_TIMEOUT_MS} ms`)), SCRAPE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Every queue's depth by state and the age of its oldest waiting job, read from Redis when Prometheus scrapes.
 * Shared by every worker (the queues are), so any one worker's `/metrics` shows the whole backlog.
 */
@Injectable()
export class QueueMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(QueueMetrics.name);
  private readonly queues: Queue[];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: MetricsService,
  ) {
    // fail-fast connections: a scrape during an outage must not wait for Redis to come back
    this.queues = Object.values(QUEUES).map((name) => {
      const queue = new Queue(name, bullConnection(config.redis, 'producer'));
      queue.on('error', (error) => this.logger.debug(`${name} queue connection: ${error.message}`));
      return queue;
    });
  }

  onModuleInit(): void {
    const queues = this.queues;
    const logger = this.logger;
    new Gauge({
      name: 'lectern_queue_jobs',
      help: 'Jobs per queue and state (waiting, active, delayed, failed)',
      labelNames: ['queue', 'state'],
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        try {
          const counts = await within(Promise.all(queues.map((queue) => queue.getJobCounts(...STATES))));
          queues.forEach((queue, i) => {
            for (const state of STATES) this.set({ queue: queue.name, state }, counts[i][state] ?? 0);
          });
        } catch (error) {
          logger.warn(`queue depth: ${(error as Error).message}`);
        }
      },
    });
    new Gauge({
      name: 'lectern_queue_oldest_waiting_age_seconds',
      help: 'Age of the oldest job waiting to be run, per queue (0 when none waits)',
      labelNames: ['queue'],
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        try {
          // the oldest waiting job is the first of the wait list in ascending order
          const oldest = await within(Promise.all(queues.map((queue) => queue.getJobs(['wait'], 0, 0, true))));
          const now = Date.now();
          queues.forEach((queue, i) => {
            const timestamp = oldest[i][0]?.timestamp;
            this.set({ queue: queue.name }, timestamp === undefined ? 0 : Math.max(0, (now - timestamp) / 1000));
          });
        } catch (error) {
          logger.warn(`oldest waiting job: ${(error as Error).message}`);
        }
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close().catch((error: Error) => this.logger.warn(`closing ${queue.name}: ${error.message}`))));
  }
}
