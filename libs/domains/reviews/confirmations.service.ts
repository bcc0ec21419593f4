import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { TransactionHost } from '@lectern/database/transaction.host';
import { ConfirmationsRepository } from './confirmations.repository';

/**
 * Accepted speakers confirm or decline within the event's confirmation window (CONFIRMATION_DEADLINES). The
 * worker's maintenance sweep runs `remindDue`, so the owner of a talk still unanswered hears once, in the last
 * confirmationReminderDays before the deadline.
 */
@Injectable()
export class ConfirmationsService {
  constructor(
    private readonly confirmations: ConfirmationsRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  /**
   * Marks and publishes in one transaction: a talk is marked only with its reminder in the outbox, and a talk
   * marked by a sweep running at the same time is not published again. Returns how many reminders went out.
   */
  remindDue(now: Date): Promise<number> {
    return this.tx.run(async () => {
      const due = await this.confirmations.markRemindersDue(now);
      await this.audit.publishMany('submission.confirmation_reminder', due);
      return due.length;
    });
  }
}
