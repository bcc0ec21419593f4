import { Injectable } from '@nestjs/common';
import { Prisma, ScholarshipAwardState } from '@lectern/database/generated/client';
import { KeysetPosition, createdAfter } from '@lectern/database/keyset';
import { TransactionHost } from '@lectern/database/transaction.host';

/** What organisers and the committee see of an award: amounts and the recipient, never the application's content. */
const AWARD_FIELDS = {
  id: true,
  programmeId: true,
  applicationId: true,
  state: true,
  travelGrantMinor: true,
  includesRegistration: true,
  registrationId: true,
  offeredAt: true,
  respondedAt: true,
  revokedAt: true,
  createdAt: true,
  programme: { select: { key: true, currency: true } },
  application: { select: { userId: true, user: { select: { id: true, name: true, email: true } } } },
} as const satisfies Prisma.ScholarshipAwardSelect;

export type AwardRecord = Prisma.ScholarshipAwardGetPayload<{ select: typeof AWARD_FIELDS }>;

export const COUNTING_STATES: ScholarshipAwardState[] = [ScholarshipAwardState.OFFERED, ScholarshipAwardState.ACCEPTED];

@Injectable()
export class AwardsRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(data: {
    programmeId: string;
    applicationId: string;
    travelGrantMinor: number;
    includesRegistration: boolean;
    registrationId: string | null;
    awardedById: string;
    offeredAt: Date;
  }): Promise<AwardRecord> {
    return this.tx.db.scholarshipAward.create({ data, select: AWARD_FIELDS });
  }

  find(eventId: string, id: string): Promise<AwardRecord | null> {
    return this.tx.db.scholarshipAward.findFirst({ where: { id, programme: { eventId } }, select: AWARD_FIELDS });
  }

  countingOf(applicationId: string) {
    return this.tx.db.scholarshipAward.findFirst({
      where: { applicationId, state: { in: COUNTING_STATES } },
      select: { id: true },
    });
  }

  /** The award's current state under its row lock (the caller already holds its application's lock). */
  async lock(id: string): Promise<ScholarshipAwardState | null> {
    const rows = await this.tx.db.$queryRaw<{ state: ScholarshipAwardState }[]>`
      SELECT state FROM scholarship_awards WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
    return rows[0]?.state ?? null;
  }

  update(id: string, data: { state: ScholarshipAwardState; respondedAt?: Date; revokedAt?: Date }): Promise<AwardRecord> {
    return this.tx.db.scholarshipAward.update({ where: { id }, data, select: AWARD_FIELDS });
  }

  listPage(eventId: string, filter: { programmeId?: string; state?: ScholarshipAwardState }, limit: number, after?: KeysetPosition) {
    const conditions: Prisma.ScholarshipAwardWhereInput[] = [{ programme: { eventId } }];
    if (filter.programmeId) conditions.push({ programmeId: filter.programmeId });
    if (filter.state) conditions.push({ state: filter.state });
    if (after) conditions.push(createdAfter(after));
    return this.tx.db.scholarshipAward.findMany({
      where: { AND: conditions },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
      select: AWARD_FIELDS,
    });
  }
}
