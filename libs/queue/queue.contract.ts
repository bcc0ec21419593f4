import { JobsOptions, WorkerOptions } from 'bullmq';
import { AppConfig } from '@lectern/config/config';

/**
 * Every queue, job name, payload type, payload check, job option, job id, schedule and worker setting in one
 * place. Producers (`Producer<Q>`, queue.producer.ts) and the worker's handlers (`@JobHandler`, queue.workers.ts)
 * are both derived from these tables; each table lists every job or queue, so a new one cannot be half wired.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  registrations: 'registrations',
  notifications: 'notifications',
  reports: 'reports',
  webhooks: 'webhooks',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Deletes expired rows, re-queues stuck reports, reminds speakers to confirm. */
  'maintenance.sweep': { requestedAt: string };
  /** Expires waiting-list offers whose time is up and offers the seats to the next people in line. */
  'registrations.expire-offers': { requestedAt: string };
  /** Resolves the recipients of one outbox row into delivery rows. Ids only: no personal data sits in Redis. */
  'notifications.dispatch': { outboxId: string };
  /** Sends one delivery row (one message to one recipient); `generation` goes up with every resend. */
  'notifications.deliver': { deliveryId: string; generation: number };
  /** Produces one transparency report (statistics, both PDF editions); the reports row holds its state. */
  'reports.generate': { reportId: string };
  /** Posts one webhook delivery row to its subscriber; `generation` goes up with every manual redelivery. */
  'webhooks.deliver': { deliveryId: string; generation: number };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE = {
  'maintenance.sweep': QUEUES.maintenance,
  'registrations.expire-offers': QUEUES.registrations,
  'notifications.dispatch': QUEUES.notifications,
  'notifications.deliver': QUEUES.notifications,
  'reports.generate': QUEUES.reports,
  'webhooks.deliver': QUEUES.webhooks,
} as const satisfies Record<JobName, QueueName>;

/** The job names queue `Q` carries. */
export type JobOf<Q extends QueueName> = { [N in JobName]: (typeof JOB_QUEUE)[N] extends Q ? N : never }[JobName];

/** The job names queue `queue` carries, at run time. */
export function jobsOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue);
}

export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  'maintenance.sweep': {
    attempts: 3,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 1_000 },
  },
  'registrations.expire-offers': {
    attempts: 3,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 1_000 },
  },
  // Postgres holds the state of every notification; a job id exists in Redis only while its job is live, so
  // re-adding the same id after a Redis loss creates the job again, and re-adding a live one changes nothing.
  'notifications.dispatch': {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
  // attempts and backoff.delay are replaced by NOTIFY_MAX_ATTEMPTS and NOTIFY_BACKOFF_MS (see jobOptions)
  'notifications.deliver': {
    attempts: 8,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
  // Postgres holds the report's state; removing finished jobs frees the id, so the stuck-report sweep can add the
  // job of a report again, while adding the id of a job still live in Redis changes nothing.
  'reports.generate': {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
  // Postgres holds each delivery's state and counts its attempts; attempts and backoff.delay are replaced by
  // WEBHOOK_MAX_ATTEMPTS and WEBHOOK_BACKOFF_MS (see jobOptions). The id frees when the job ends, so the relay can
  // add a job again for a delivery still pending in Postgres (Redis lost it).
  'webhooks.deliver': {
    attempts: 8,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
};

/** The options the configuration decides, over the table's. */
const CONFIGURED_OPTIONS: { [N in JobName]?: (config: AppConfig) => JobsOptions } = {
  'notifications.deliver': ({ notifications }) => ({
    attempts: notifications.maxAttempts,
    backoff: { type: 'exponential', delay: notifications.backoffMs },
  }),
  'webhooks.deliver': ({ webhooks }) => ({
    attempts: webhooks.maxAttempts,
    backoff: { type: 'exponential', delay: webhooks.backoffMs },
  }),
};

/** A job's options as it is added (and as its handler counts its attempts). */
export function jobOptions(name: JobName, config: AppConfig): JobsOptions {
  return { ...JOB_OPTIONS[name], ...CONFIGURED_OPTIONS[name]?.(config) };
}

/** One job id per report: two adds never make two jobs. */
export const REPORT_JOB_ID = (reportId: string) => `report-${reportId}`;

/**
 * Deterministic job ids (BullMQ ids must not contain ':' nor be all digits): adding a job whose id is live in Redis
 * changes nothing. The scheduled jobs have none; their scheduler ids keep them single.
 */
const JOB_IDS: { [N in JobName]?: (payload: JobPayloads[N]) => string } = {
  'notifications.dispatch': ({ outboxId }) => `outbox-${outboxId}`,
  'notifications.deliver': ({ deliveryId, generation }) => `delivery-${deliveryId}-${generation}`,
  'reports.generate': ({ reportId }) => REPORT_JOB_ID(reportId),
  'webhooks.deliver': ({ deliveryId, generation }) => `webhook-${deliveryId}-${generation}`,
};

export function jobId<N extends JobName>(name: N, payload: JobPayloads[N]): string | undefined {
  const id = JOB_IDS[name];
  return id?.(payload);
}

const isObject = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null;

function isScheduledRun(data: unknown): data is { requestedAt: string } {
  return isObject(data) && typeof data.requestedAt === 'string';
}

/**
 * What a job's data must look like. Producers check before adding; the worker checks again before a handler sees
 * it, because Redis may hold anything, and fails a job that does not pass for good.
 */
const PAYLOAD_CHECKS: { [N in JobName]: (data: unknown) => data is JobPayloads[N] } = {
  'maintenance.sweep': isScheduledRun,
  'registrations.expire-offers': isScheduledRun,
  'notifications.dispatch': (data): data is JobPayloads['notifications.dispatch'] =>
    isObject(data) && typeof data.outboxId === 'string' && /^\d{1,19}$/.test(data.outboxId),
  'notifications.deliver': (data): data is JobPayloads['notifications.deliver'] =>
    isObject(data) && typeof data.deliveryId === 'string' && Number.isInteger(data.generation) && (data.generation as number) >= 1,
  'reports.generate': (data): data is JobPayloads['reports.generate'] =>
    isObject(data) &&
    typeof data.reportId === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(data.reportId),
  'webhooks.deliver': (data): data is JobPayloads['webhooks.deliver'] =>
    isObject(data) &&
    typeof data.deliveryId === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(data.deliveryId) &&
    Number.isInteger(data.generation) &&
    (data.generation as number) >= 1,
};

export function isPayload<N extends JobName>(name: N, data: unknown): data is JobPayloads[N] {
  return PAYLOAD_CHECKS[name](data);
}

/** The repeatable sweep's scheduler id: upserting it again replaces the schedule instead of adding another. */
export const MAINTENANCE_SCHEDULER_ID = 'maintenance-sweep';

/** The repeatable jobs: one schedule each under its scheduler id, whatever the number of worker starts. */
const SCHEDULES: { [N in JobName]?: { schedulerId: string; everySeconds: (config: AppConfig) => number; payload: JobPayloads[N] } } = {
  'maintenance.sweep': {
    schedulerId: MAINTENANCE_SCHEDULER_ID,
    everySeconds: (config) => config.worker.maintenanceEverySeconds,
    payload: { requestedAt: 'schedule' },
  },
  'registrations.expire-offers': {
    schedulerId: 'registrations-expire-offers',
    everySeconds: (config) => config.registrations.offerSweepEverySeconds,
    payload: { requestedAt: 'schedule' },
  },
};

export interface Schedule {
  name: JobName;
  schedulerId: string;
  everyMs: number;
  payload: object;
}

/** The schedules of queue `queue`, at the configured intervals; the worker upserts them at start-up. */
export function schedulesOf(queue: QueueName, config: AppConfig): Schedule[] {
  return jobsOf(queue).flatMap((name) => {
    const schedule = SCHEDULES[name];
    return schedule ? [{ name, schedulerId: schedule.schedulerId, everyMs: schedule.everySeconds(config) * 1000, payload: schedule.payload }] : [];
  });
}

export type QueueWorkerSettings = Required<Pick<WorkerOptions, 'concurrency'>> &
  Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'>;

/** How each queue's BullMQ worker runs its jobs (BullMQ's defaults where a setting is absent). */
const QUEUE_WORKERS: Record<QueueName, (config: AppConfig) => QueueWorkerSettings> = {
  // sweeps: one at a time
  maintenance: () => ({ concurrency: 1 }),
  registrations: () => ({ concurrency: 1 }),
  // After a worker is killed, its active jobs go back to the queue once their lock expires, so tests and operators
  // choose how soon. A job that keeps stalling is dropped from Redis; its row is still PENDING in Postgres and gets
  // a new job.
  notifications: ({ worker, notifications }) => ({
    concurrency: worker.concurrency,
    lockDuration: notifications.jobLockMs,
    stalledInterval: notifications.jobLockMs,
    maxStalledCount: 2,
  }),
  // One report at a time per process: rendering is CPU work, done in a worker thread so that this thread keeps
  // renewing the job's lock however long a render takes; after a worker dies mid-report, its job goes back to the
  // queue once the lock expires.
  reports: ({ reports }) => ({ concurrency: 1, lockDuration: reports.jobLockMs, stalledInterval: reports.jobLockMs }),
  // Like notifications: a killed worker's deliveries run again once their lock expires (the same webhook-id, a
  // duplicate the subscriber recognises); one that keeps stalling is dropped and the relay adds it again.
  webhooks: ({ worker, notifications }) => ({
    concurrency: worker.concurrency,
    lockDuration: notifications.jobLockMs,
    stalledInterval: notifications.jobLockMs,
    maxStalledCount: 2,
  }),
};

export function workerSettings(queue: QueueName, config: AppConfig): QueueWorkerSettings {
  return QUEUE_WORKERS[queue](config);
}
