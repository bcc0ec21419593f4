import { JobsOptions, Queue } from 'bullmq';

/**
 * Every queue, job name, payload type and job option in one place. The API only enqueues through these names;
 * only the worker registers processors for them.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  registrations: 'registrations',
  notifications: 'notifications',
  reports: 'reports',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Deletes expired rows (login throttling now; idempotency records when registration lands). */
  'maintenance.sweep': { requestedAt: string };
  /** Expires waiting-list offers whose time is up and offers the seats to the next people in line. */
  'registrations.expire-offers': { requestedAt: string };
  /** Resolves the recipients of one outbox row into delivery rows. Ids only: no personal data sits in Redis. */
  'notifications.dispatch': { outboxId: string };
  /** Sends one delivery row (one message to one recipient); `generation` goes up with every resend. */
  'notifications.deliver': { deliveryId: string; generation: number };
  /** Produces one transparency report (statistics, both PDF editions); the reports row holds its state. */
  'reports.generate': { reportId: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'maintenance.sweep': QUEUES.maintenance,
  'registrations.expire-offers': QUEUES.registrations,
  'notifications.dispatch': QUEUES.notifications,
  'notifications.deliver': QUEUES.notifications,
  'reports.generate': QUEUES.reports,
};

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
  // attempts and backoff.delay are replaced by NOTIFY_MAX_ATTEMPTS and NOTIFY_BACKOFF_MS when the worker adds it
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
};

/** The repeatable sweep's scheduler id: upserting it again replaces the schedule instead of adding another. */
export const MAINTENANCE_SCHEDULER_ID = 'maintenance-sweep';

/** The repeatable jobs and their scheduler ids: one schedule each, whatever the number of worker starts. */
const SCHEDULER_IDS = {
  'maintenance.sweep': MAINTENANCE_SCHEDULER_ID,
  'registrations.expire-offers': 'registrations-expire-offers',
} as const;

export type ScheduledJob = keyof typeof SCHEDULER_IDS;

/** Upserting the scheduler on every worker start keeps exactly one schedule, at the configured interval. */
export async function upsertSchedule(queue: Queue, name: ScheduledJob, everySeconds: number): Promise<void> {
  await queue.upsertJobScheduler(
    SCHEDULER_IDS[name],
    { every: everySeconds * 1000 },
    { name, data: { requestedAt: 'schedule' }, opts: JOB_OPTIONS[name] },
  );
}

/** The payload every scheduled run carries. */
export function isScheduledRun(data: unknown): data is JobPayloads[ScheduledJob] {
  return typeof data === 'object' && data !== null && typeof (data as { requestedAt?: unknown }).requestedAt === 'string';
}

/** Deterministic notification job ids (BullMQ ids must not contain ':' nor be all digits). */
export const NOTIFICATION_JOB_IDS = {
  dispatch: (outboxId: string | bigint) => `outbox-${outboxId}`,
  deliver: (deliveryId: string, generation: number) => `delivery-${deliveryId}-${generation}`,
};

export function isNotificationDispatch(data: unknown): data is JobPayloads['notifications.dispatch'] {
  if (typeof data !== 'object' || data === null) return false;
  const { outboxId } = data as { outboxId?: unknown };
  return typeof outboxId === 'string' && /^\d{1,19}$/.test(outboxId);
}

export function isNotificationDelivery(data: unknown): data is JobPayloads['notifications.deliver'] {
  if (typeof data !== 'object' || data === null) return false;
  const { deliveryId, generation } = data as { deliveryId?: unknown; generation?: unknown };
  return typeof deliveryId === 'string' && Number.isInteger(generation) && (generation as number) >= 1;
}

/** One job id per report (BullMQ ids must not contain ':' nor be all digits): two adds never make two jobs. */
export const REPORT_JOB_ID = (reportId: string) => `report-${reportId}`;

export function isReportGenerate(data: unknown): data is JobPayloads['reports.generate'] {
  if (typeof data !== 'object' || data === null) return false;
  const { reportId } = data as { reportId?: unknown };
  return typeof reportId === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reportId);
}
