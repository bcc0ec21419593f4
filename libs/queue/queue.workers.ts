import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { DelayedError, Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { MetricsService } from '@lectern/metrics/metrics.service';
import { bullConnection } from '@lectern/redis/redis.connection';
import { JOB_HANDLER, JobContext } from './job-handler.decorator';
import { JOB_QUEUE, JobName, QUEUES, QueueName, isPayload, jobOptions, schedulesOf, workerSettings } from './queue.contract';

/** The worker's handlers do not match the contract's job names; the message says what to add or remove. */
export class QueueWiringError extends Error {
  constructor(problems: string[]) {
    super(`The worker's job wiring does not match libs/queue/queue.contract.ts:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'QueueWiringError';
  }
}

interface Handler {
  /** `Class.method`, for messages. */
  label: string;
  run: (job: JobContext<JobName>) => Promise<unknown>;
}

/**
 * Runs the jobs of every queue in the worker: finds the `@JobHandler` methods among the application's providers,
 * refuses to start unless every job of the contract has exactly one, then starts one BullMQ Worker per queue with
 * the contract's settings and upserts the contract's repeatable schedules.
 *
 * Provide it in the worker's root module: Nest destroys the root module first, so on shutdown the running jobs
 * finish before the services, connections and mail transport they use are closed.
 */
@Injectable()
export class QueueWorkers implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QueueWorkers.name);
  private handlers = new Map<JobName, Handler>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  /** Before any application starts its work (the relay starts at bootstrap): a miswired worker does nothing. */
  onModuleInit(): void {
    this.handlers = this.discover();
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const queue of Object.values(QUEUES)) {
      await this.upsertSchedules(queue);
      const worker = new Worker(queue, (job, token) => this.run(queue, job, token), {
        ...bullConnection(this.config.redis, 'consumer'),
        ...workerSettings(queue, this.config),
      });
      worker.on('error', (error) => this.logger.warn(`${queue} worker: ${error.message}`));
      this.workers.push(worker);
    }
  }

  /** Whether each queue's BullMQ worker is taking jobs: false before start-up, while paused, once closing. */
  running(): Record<QueueName, boolean> {
    const running = Object.fromEntries(Object.values(QUEUES).map((queue) => [queue, false])) as Record<QueueName, boolean>;
    for (const worker of this.workers) running[worker.name as QueueName] = worker.isRunning() && !worker.isPaused() && worker.closing === undefined;
    return running;
  }

  /** Lets running jobs finish (SIGTERM); a job cut short is picked up again from its row's state. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private discover(): Map<JobName, Handler> {
    const found = new Map<string, Handler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!wrapper.isDependencyTreeStatic() || typeof instance !== 'object' || instance === null) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const name: unknown = Reflect.getMetadata(JOB_HANDLER, prototype[method] as object);
        if (typeof name !== 'string') continue;
        const run = (prototype[method] as Handler['run']).bind(instance);
        found.set(name, [...(found.get(name) ?? []), { label: `${instance.constructor.name}.${method}`, run }]);
      }
    }
    const problems: string[] = [];
    for (const name of Object.keys(JOB_QUEUE) as JobName[]) {
      const handlers = found.get(name) ?? [];
      if (handlers.length === 0) {
        problems.push(
          `job '${name}' (queue '${JOB_QUEUE[name]}') has no handler: add @JobHandler('${name}') to a method of a processor ` +
            `(apps/worker/src/<domain>/<name>.processor.ts) and list that processor in WorkerModule's providers`,
        );
      } else if (handlers.length > 1) {
        problems.push(
          `job '${name}' has ${handlers.length} handlers (${handlers.map((h) => h.label).join(', ')}): keep exactly one @JobHandler('${name}')`,
        );
      }
    }
    for (const [name, handlers] of found) {
      if (!(name in JOB_QUEUE)) problems.push(`${handlers.map((h) => h.label).join(', ')} handle '${name}', which the contract does not name`);
    }
    if (problems.length > 0) throw new QueueWiringError(problems);
    return new Map([...found].map(([name, [handler]]) => [name as JobName, handler]));
  }

  /** A start-up during a Redis outage waits for Redis, as the workers do: the consumer connection. */
  private async upsertSchedules(queue: QueueName): Promise<void> {
    const schedules = schedulesOf(queue, this.config);
    if (schedules.length === 0) return;
    const scheduler = new Queue(queue, bullConnection(this.config.redis, 'consumer'));
    try {
      for (const { name, schedulerId, everyMs, payload } of schedules) {
        // upserting the same scheduler id on every start keeps exactly one schedule, at the configured interval
        await scheduler.upsertJobScheduler(schedulerId, { every: everyMs }, { name, data: payload, opts: jobOptions(name, this.config) });
      }
    } finally {
      await scheduler.close();
    }
  }

  /** Each attempt is timed and counted by its job name; a name the contract does not know is counted as `unknown`. */
  private async run(queue: QueueName, job: Job, token: string | undefined): Promise<unknown> {
    const name = job.name as JobName;
    const labels = { queue, job: JOB_QUEUE[name] === queue ? name : 'unknown' };
    const stopTimer = this.metrics.jobDuration.startTimer(labels);
    try {
      const result = await this.runHandler(queue, job, token);
      stopTimer({ outcome: 'completed' });
      return result;
    } catch (error) {
      if (error instanceof DelayedError) {
        stopTimer({ outcome: 'postponed' });
      } else {
        stopTimer({ outcome: 'failed' });
        this.metrics.jobFailures.inc(labels);
      }
      throw error;
    }
  }

  /** A job nobody could ever run (unknown name, malformed payload) fails for good instead of being retried. */
  private runHandler(queue: QueueName, job: Job, token: string | undefined): Promise<unknown> {
    const name = job.name as JobName;
    const handler = JOB_QUEUE[name] === queue ? this.handlers.get(name) : undefined;
    if (!handler) throw new UnrecoverableError(`unknown ${queue} job ${job.name}`);
    if (!isPayload(name, job.data)) throw new UnrecoverableError(`invalid ${job.name} payload`);
    return handler.run({
      payload: job.data,
      attemptsMade: job.attemptsMade,
      lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      postpone: async (delayMs) => {
        await job.moveToDelayed(Date.now() + delayMs, token);
        throw new DelayedError();
      },
    });
  }
}
