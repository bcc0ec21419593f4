import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsService } from '@lectern/metrics/metrics.service';
import { DeliveriesRepository } from './deliveries.repository';

/**
 * The outbox backlog, read from Postgres when Prometheus scrapes: rows waiting for the relay and the age of the
 * oldest. A growing age means the relay is not keeping up (or Redis refuses its jobs); e-mails are late by that much.
 */
@Injectable()
export class OutboxMetrics implements OnModuleInit {
  private readonly logger = new Logger(OutboxMetrics.name);

  constructor(
    private readonly repository: DeliveriesRepository,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    const read = () =>
      this.repository.outboxBacklog().catch((error: Error) => {
        this.logger.warn(`outbox backlog: ${error.message}`);
        return null;
      });
    new Gauge({
      name: 'lectern_outbox_pending_rows',
      help: 'Outbox rows not yet relayed to the queues',
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        const backlog = await read();
        if (backlog) this.set(backlog.rows);
      },
    });
    new Gauge({
      name: 'lectern_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest outbox row not yet relayed (0 when none waits)',
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        const backlog = await read();
        if (backlog) this.set(backlog.oldestAgeSeconds);
      },
    });
  }
}
