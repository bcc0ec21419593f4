import { Injectable } from '@nestjs/common';
import { AuthRepository } from '@lectern/domains/auth/auth.repository';
import { IdempotencyRepository } from '@lectern/domains/registrations/idempotency.repository';
import { ReportGenerationService } from '@lectern/domains/reports/report-generation.service';
import { ConfirmationsService } from '@lectern/domains/reviews/confirmations.service';

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

/** The periodic sweep: each rule stays in its domain; this only runs them on one schedule. */
@Injectable()
export class MaintenanceService {
  constructor(
    private readonly auth: AuthRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly reports: ReportGenerationService,
    private readonly confirmations: ConfirmationsService,
  ) {}

  async sweep(now = new Date()): Promise<SweepResult> {
    return {
      loginThrottlesDeleted: await this.auth.deleteExpiredLoginThrottles(now),
      idempotencyKeysDeleted: await this.idempotency.deleteExpired(now),
      ...(await this.reports.sweepStuck(now)),
      confirmationReminders: await this.confirmations.remindDue(now),
    };
  }
}
