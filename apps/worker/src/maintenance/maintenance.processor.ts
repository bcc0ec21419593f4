import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { QUEUES, isScheduledRun, upsertSchedule } from '@lectern/queue/queue.contract';
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

  async onApplicationBootstrap(): Promise<void> {
    await upsertSchedule(this.queue, 'maintenance.sweep', this.config.worker.maintenanceEverySeconds);
  }

  /** Database errors are thrown as they are, so BullMQ retries them; a job we cannot understand never will be. */
  async process(job: Job): Promise<SweepResult> {
    if (job.name !== 'maintenance.sweep' || !isScheduledRun(job.data)) {
      throw new UnrecoverableError(`unknown maintenance job ${job.name}`);
    }
    const result = await this.maintenance.sweep();
    this.logger.log(`sweep done: ${JSON.stringify(result)}`);
    return result;
  }
}
