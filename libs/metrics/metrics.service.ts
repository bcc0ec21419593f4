import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** How one attempt to hand a message to its receiver ended: delivered, to be tried again, or given up for good. */
export type DeliveryOutcome = 'sent' | 'retry' | 'failed';

/**
 * The Prometheus registry of one application instance (one per instance, so several apps in one process, as in
 * tests, never collide), with the process metrics and the series shared by the API and the worker. Each process
 * serves it at its own `/metrics`; what only one of them measures is registered on it by that process.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  /** One run of one job, by queue, job name and outcome (`completed`, `failed`, `postponed`). */
  readonly jobDuration: Histogram<'queue' | 'job' | 'outcome'>;
  /** Failed runs by queue and job name; a job retried three times and then failed counts four. */
  readonly jobFailures: Counter<'queue' | 'job'>;
  /** Outgoing deliveries by channel (`smtp` e-mail, `webhook` POSTs) and outcome. */
  readonly deliveries: Counter<'channel' | 'outcome'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'lectern_' });
    this.jobDuration = new Histogram({
      name: 'lectern_job_duration_seconds',
      help: 'Run time of one job attempt by queue, job name and outcome',
      labelNames: ['queue', 'job', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [this.registry],
    });
    this.jobFailures = new Counter({
      name: 'lectern_job_failures_total',
      help: 'Failed job attempts by queue and job name',
      labelNames: ['queue', 'job'],
      registers: [this.registry],
    });
    this.deliveries = new Counter({
      name: 'lectern_deliveries_total',
      help: 'Outgoing deliveries by channel and outcome (sent, retry: a transient failure, failed: given up)',
      labelNames: ['channel', 'outcome'],
      registers: [this.registry],
    });
  }

  recordDelivery(channel: 'smtp' | 'webhook', outcome: DeliveryOutcome): void {
    this.deliveries.inc({ channel, outcome });
  }
}
