import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';

const CHOICES = { introduction: true, omittedSections: true, topCountries: true, updatedAt: true } as const;

export type ReportChoicesRecord = Prisma.ReportChoicesGetPayload<{ select: typeof CHOICES }>;

/** One row of report choices per edition; none until the organisers set them. */
@Injectable()
export class ReportChoicesRepository {
  constructor(private readonly tx: TransactionHost) {}

  find(eventId: string): Promise<ReportChoicesRecord | null> {
    return this.tx.db.reportChoices.findUnique({ where: { eventId }, select: CHOICES });
  }

  upsert(eventId: string, data: { introduction: Prisma.InputJsonValue | null; omittedSections: string[]; topCountries: number }): Promise<ReportChoicesRecord> {
    const row = { ...data, introduction: data.introduction ?? Prisma.DbNull };
    return this.tx.db.reportChoices.upsert({ where: { eventId }, create: { eventId, ...row }, update: row, select: CHOICES });
  }
}
