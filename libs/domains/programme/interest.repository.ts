import { Injectable } from '@nestjs/common';
import { RegistrationState } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';

/** Attendees' marks on released sessions and their personal feeds' token hashes. */
@Injectable()
export class InterestRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get db() {
    return this.tx.db;
  }

  async hasConfirmedRegistration(eventId: string, userId: string): Promise<boolean> {
    const found = await this.db.registration.findFirst({
      where: { eventId, userId, state: RegistrationState.CONFIRMED },
      select: { id: true },
    });
    return found !== null;
  }

  /** Marks once: marking again changes nothing. */
  async mark(eventId: string, userId: string, submissionId: string): Promise<void> {
    const { count } = await this.db.sessionInterest.createMany({ data: [{ eventId, userId, submissionId }], skipDuplicates: true });
    if (count > 0) await this.touchFeed(eventId, userId);
  }

  private async touchFeed(eventId: string, userId: string) {
    await this.db.interestFeed.updateMany({ where: { eventId, userId }, data: { changedAt: new Date() } });
  }

  async unmark(eventId: string, userId: string, submissionId: string): Promise<boolean> {
    const { count } = await this.db.sessionInterest.deleteMany({ where: { eventId, userId, submissionId } });
    if (count > 0) await this.touchFeed(eventId, userId);
    return count > 0;
  }

  async marked(eventId: string, userId: string): Promise<string[]> {
    const rows = await this.db.sessionInterest.findMany({
      where: { eventId, userId },
      select: { submissionId: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => row.submissionId);
  }

  /** Marks per session of the edition (only sessions someone marked). */
  async counts(eventId: string): Promise<Map<string, number>> {
    const rows = await this.db.sessionInterest.groupBy({ by: ['submissionId'], where: { eventId }, _count: { _all: true } });
    return new Map(rows.map((row) => [row.submissionId, row._count._all]));
  }

  /** Sets the feed's token hash, replacing an earlier one (the old URL stops working). */
  async putFeed(eventId: string, userId: string, tokenHash: string): Promise<void> {
    await this.db.interestFeed.upsert({
      where: { eventId_userId: { eventId, userId } },
      create: { eventId, userId, tokenHash },
      update: { tokenHash, createdAt: new Date(), changedAt: new Date() },
    });
  }

  async feedOwner(eventId: string, tokenHash: string) {
    return this.db.interestFeed.findFirst({ where: { eventId, tokenHash }, select: { userId: true, changedAt: true } });
  }

  async hasFeed(eventId: string, userId: string): Promise<boolean> {
    return (await this.db.interestFeed.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { userId: true } })) !== null;
  }
}
