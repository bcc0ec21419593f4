import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';
import { LocalizedText } from '@lectern/i18n/localized-text';

const SETTINGS_FIELDS = {
  eventId: true,
  scaleMin: true,
  scaleMax: true,
  reviewsPerSubmission: true,
  anonymised: true,
  opensAt: true,
  closesAt: true,
  promoteFromWaitlist: true,
  confirmationDays: true,
  confirmationReminderDays: true,
  updatedAt: true,
  criteria: {
    select: { id: true, key: true, name: true, description: true, weight: true, position: true },
    orderBy: [{ position: 'asc' }, { key: 'asc' }],
  },
} as const satisfies Prisma.ReviewSettingsSelect;

export type ReviewSettingsRecord = Prisma.ReviewSettingsGetPayload<{ select: typeof SETTINGS_FIELDS }>;

export interface ReviewSettingsWrite {
  scaleMin: number;
  scaleMax: number;
  reviewsPerSubmission: number;
  anonymised: boolean;
  opensAt: Date;
  closesAt: Date;
  promoteFromWaitlist: boolean;
  confirmationDays: number;
  confirmationReminderDays: number;
}

export interface CriterionWrite {
  key: string;
  name: LocalizedText;
  description: LocalizedText | null;
  weight: number;
  position: number;
}

@Injectable()
export class ReviewSettingsRepository {
  constructor(private readonly tx: TransactionHost) {}

  find(eventId: string): Promise<ReviewSettingsRecord | null> {
    return this.tx.db.reviewSettings.findUnique({ where: { eventId }, select: SETTINGS_FIELDS });
  }

  /**
   * Settings change under this row lock; every review write holds it shared (lockShared), so criteria and scale
   * never change under a review being scored.
   */
  async lock(eventId: string): Promise<void> {
    await this.tx.db.$queryRaw`SELECT event_id FROM review_settings WHERE event_id = ${eventId}::uuid FOR UPDATE`;
  }

  async lockShared(eventId: string): Promise<void> {
    await this.tx.db.$queryRaw`SELECT event_id FROM review_settings WHERE event_id = ${eventId}::uuid FOR SHARE`;
  }

  async upsert(eventId: string, write: ReviewSettingsWrite): Promise<void> {
    await this.tx.db.reviewSettings.upsert({ where: { eventId }, create: { eventId, ...write }, update: write });
  }

  async replaceCriteria(eventId: string, criteria: CriterionWrite[]): Promise<void> {
    await this.tx.db.reviewCriterion.deleteMany({ where: { eventId } });
    await this.tx.db.reviewCriterion.createMany({ data: criteria.map((c) => ({ ...c, description: c.description ?? Prisma.DbNull, eventId })) });
  }

  async hasReviews(eventId: string): Promise<boolean> {
    return (await this.tx.db.review.findFirst({ where: { eventId }, select: { id: true } })) !== null;
  }
}
