import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { PrismaService } from '@lectern/database/prisma.service';

/**
 * Connections a worker process keeps for its report job alone: the statistics' snapshot transaction and the
 * heartbeat beside it. Half of the registrations' scan borrows the heartbeat's while it runs (a second transaction
 * in the statistics' snapshot); a heartbeat then waits for that one statement, bounded by the report's statement
 * timeout (300 s by default, against 900 s without a heartbeat before a report counts as stuck). Reports run one
 * at a time per process, so two are enough.
 */
export const REPORT_CONNECTIONS = 2;

/**
 * The report job's own small pool. The worker's shared pool serves every other queue (e-mails, webhooks, sweeps) at
 * WORKER_CONCURRENCY each; when a backlog of those keeps it busy, a report reading through it would wait in line
 * behind their statements for each of its own, and give up after DATABASE_POOL_WAIT_MS. With connections of its
 * own, a report never queues behind another queue's work.
 */
@Injectable()
export class ReportConnections extends PrismaService {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({ ...config, database: { ...config.database, poolSize: REPORT_CONNECTIONS } });
  }
}
