import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../../../../libs/config/config';
import { APP_CONFIG } from '../../../../libs/config/config.module';
import {
  JOB_OPTIONS,
  MAINTENANCE_SCHEDULER_ID,
  QUEUES,
  isMaintenanceSweep,
} from '../../../../libs/queue/queue.contract';
import { MaintenanceService, SweepResult } from './maintenance.service';

@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly maintenance: MaintenanceService,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** Upserting the scheduler on every start keeps exactly one schedule, at the configured interval. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      MAINTENANCE_SCHEDULER_ID,
      { every: this.config.worker.maintenanceEverySeconds * 1000 },
      { name: 'maintenance.sweep', data: { requestedAt: 'schedule' }, opts: JOB_OPTIONS['maintenance.sweep'] },
    );
  }

  /** Database errors are thrown as they are, so BullMQ retries them; a job we cannot understand never will be. */
  async process(job: Job): Promise<SweepResult> {
    if (job.name !== 'maintenance.sweep' || !isMaintenanceSweep(job.data)) {
      throw new UnrecoverableError(`unknown maintenance job ${job.name}`);
    }
    const result = await this.maintenance.sweep();
    this.logger.log(`sweep done: ${JSON.stringify(result)}`);
    return result;
  }
}
