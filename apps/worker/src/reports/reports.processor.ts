import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { QUEUES, isReportGenerate } from '@lectern/queue/queue.contract';
import { GenerateResult, PermanentReportError, ReportGenerationService } from '@lectern/domains/reports/report-generation.service';

/**
 * The reports queue's BullMQ worker, built here rather than with @Processor because its lock duration comes from
 * the configuration: after a worker dies mid-report, its job goes back to the queue once the lock expires. One
 * report at a time per process: rendering is CPU work, done in a worker thread so this thread keeps renewing the
 * job's lock however long a render takes.
 */
@Injectable()
export class ReportsProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReportsProcessor.name);
  private worker: Worker | undefined;

  constructor(
    private readonly reports: ReportGenerationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { jobLockMs } = this.config.reports;
    this.worker = new Worker(QUEUES.reports, (job) => this.process(job), {
      prefix: `${this.config.redis.prefix}:bull`,
      connection: { url: this.config.redis.url, maxRetriesPerRequest: null },
      concurrency: 1,
      lockDuration: jobLockMs,
      stalledInterval: jobLockMs,
    });
    this.worker.on('error', (error) => this.logger.warn(`reports worker: ${error.message}`));
  }

  /** Lets the report in progress finish (SIGTERM); one cut short is picked up again from its row. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job): Promise<GenerateResult> {
    if (job.name !== 'reports.generate' || !isReportGenerate(job.data)) {
      throw new UnrecoverableError(`unknown reports job ${job.name}`);
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      const result = await this.reports.generate(job.data.reportId, lastAttempt);
      this.logger.log(`report ${job.data.reportId}: ${result.outcome}`);
      return result;
    } catch (error) {
      if (error instanceof PermanentReportError) throw new UnrecoverableError(error.message);
      this.logger.warn(`report ${job.data.reportId} attempt ${job.attemptsMade + 1} failed: ${(error as Error).message}`);
      throw error;
    }
  }
}
