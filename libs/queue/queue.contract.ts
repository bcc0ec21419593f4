import { JobsOptions } from 'bullmq';

/**
 * Every queue, job name, payload type and job option in one place. The API only enqueues through these names;
 * only the worker registers processors for them.
 */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Deletes expired rows (login throttling now; idempotency records when registration lands). */
  'maintenance.sweep': { requestedAt: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'maintenance.sweep': QUEUES.maintenance,
};

export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  'maintenance.sweep': {
    attempts: 3,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 1_000 },
  },
};

/** The repeatable sweep's scheduler id: upserting it again replaces the schedule instead of adding another. */
export const MAINTENANCE_SCHEDULER_ID = 'maintenance-sweep';

export function isMaintenanceSweep(data: unknown): data is JobPayloads['maintenance.sweep'] {
  return typeof data === 'object' && data !== null && typeof (data as { requestedAt?: unknown }).requestedAt === 'string';
}
