import { Injectable, Logger } from '@nestjs/common';
import { JobHandler } from '@lectern/queue/job-handler.decorator';
import { MaintenanceService, SweepResult } from './maintenance.service';

@Injectable()
export class MaintenanceProcessor {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly maintenance: MaintenanceService) {}

  /** Database errors are thrown as they are, so BullMQ retries them. */
  @JobHandler('maintenance.sweep')
  async sweep(): Promise<SweepResult> {
    const result = await this.maintenance.sweep();
    this.logger.log(`sweep done: ${JSON.stringify(result)}`);
    return result;
  }
}
