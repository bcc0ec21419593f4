import { Injectable } from '@nestjs/common';
import { ConfirmationsService } from '../../../api/src/reviews/confirmations.service';
import { WorkerReportsService } from '../reports/reports.service';
import { MaintenanceRepository } from './maintenance.repository';

export interface SweepResult {
  loginThrottlesDeleted: number;
  idempotencyKeysDeleted: number;
  /** Reports whose job was added again: stuck RUNNING ones sent back to QUEUED, and QUEUED ones waiting too long. */
  reportsRequeued: number;
  /** Reports stuck RUNNING that had no attempts left. */
  reportsFailed: number;
  /** Accepted talks whose owner was reminded to confirm or decline. */
  confirmationReminders: number;
}

@Injectable()
export class MaintenanceService {
  constructor(
    private readonly repository: MaintenanceRepository,
    private readonly reports: WorkerReportsService,
    private readonly confirmations: ConfirmationsService,
  ) {}

  async sweep(now = new Date()): Promise<SweepResult> {
    return {
      loginThrottlesDeleted: await this.repository.deleteExpiredLoginThrottles(now),
      idempotencyKeysDeleted: await this.repository.deleteExpiredIdempotencyKeys(now),
      ...(await this.reports.sweepStuck(now)),
      confirmationReminders: await this.confirmations.remindDue(now),
    };
  }
}
