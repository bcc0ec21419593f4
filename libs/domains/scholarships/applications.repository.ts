import { Injectable } from '@nestjs/common';
import { Gender, Prisma, ScholarshipApplicationState } from '@lectern/database/generated/client';
import { KeysetPosition, createdAfter } from '@lectern/database/keyset';
import { TransactionHost } from '@lectern/database/transaction.host';

const PROGRAMME_SUMMARY = {
  select: {
    id: true,
    key: true,
    name: true,
    kind: true,
    currency: true,
    travelCapMinor: true,
    opensAt: true,
    closesAt: true,
  },
} as const satisfies Prisma.ScholarshipProgrammeDefaultArgs;

const AWARD_SUMMARY = {
  select: {
    id: true,
    state: true,
    travelGrantMinor: true,
    includesRegistration: true,
    registrationId: true,
    offeredAt: true,
    respondedAt: true,
    revokedAt: true,
  },
  orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  take: 1,
} as const satisfies Prisma.ScholarshipApplication$awardsArgs;

/** Everything an application holds; only the applicant's and the committee's views are built from it. */
const APPLICATION_FIELDS = {
  id: true,
  programmeId: true,
  userId: true,
  state: true,
  statement: true,
  contributions: true,
  requestedTravelMinor: true,
  travelOrigin: true,
  gender: true,
  firstTimeAttendee: true,
  underrepresented: true,
  backgroundNote: true,
  consentGivenAt: true,
  withdrawnAt: true,
  createdAt: true,
  updatedAt: true,
  programme: PROGRAMME_SUMMARY,
  user: { select: { id: true, name: true, email: true } },
  awards: AWARD_SUMMARY,
} as const satisfies Prisma.ScholarshipApplicationSelect;

export type ApplicationRecord = Prisma.ScholarshipApplicationGetPayload<{ select: typeof APPLICATION_FIELDS }>;

export interface ApplicationContent {
  statement?: string;
  contributions?: string | null;
  requestedTravelMinor?: number;
  travelOrigin?: string;
  gender?: Gender | null;
  firstTimeAttendee?: boolean | null;
  underrepresented?: boolean | null;
  backgroundNote?: string | null;
}

export interface LockedApplication {
  id: string;
  programmeId: string;
  userId: string;
  state: ScholarshipApplicationState;
}

@Injectable()
export class ApplicationsRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(data: ApplicationContent & { programmeId: string; userId: string; statement: string; travelOrigin: string; consentGivenAt: Date }) {
    return this.tx.db.scholarshipApplication.create({ data, select: APPLICATION_FIELDS });
  }

  update(id: string, data: ApplicationContent & { state?: ScholarshipApplicationState; withdrawnAt?: Date | null }) {
    return this.tx.db.scholarshipApplication.update({ where: { id }, data, select: APPLICATION_FIELDS });
  }

  /** The application if it belongs to a programme of the event; whether the caller may see it is the service's call. */
  find(eventId: string, id: string): Promise<ApplicationRecord | null> {
    return this.tx.db.scholarshipApplication.findFirst({ where: { id, programme: { eventId } }, select: APPLICATION_FIELDS });
  }

  listOfUser(eventId: string, userId: string): Promise<ApplicationRecord[]> {
    return this.tx.db.scholarshipApplication.findMany({
      where: { userId, programme: { eventId } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: APPLICATION_FIELDS,
    });
  }

  /**
   * Row-locks the application until the transaction ends. Every change to it or to its awards takes this lock,
   * after the programme's (when it takes that) and before any registration lock, so they queue in one order and
   * never deadlock. NO KEY UPDATE: rows that merely reference the application (assignments) may still be added.
   */
  async lock(eventId: string, id: string): Promise<LockedApplication | null> {
    const rows = await this.tx.db.$queryRaw<{ id: string; programme_id: string; user_id: string; state: ScholarshipApplicationState }[]>`
      SELECT a.id::text AS id, a.programme_id::text AS programme_id, a.user_id::text AS user_id, a.state
        FROM scholarship_applications a
        JOIN scholarship_programmes p ON p.id = a.programme_id
       WHERE a.id = ${id}::uuid AND p.event_id = ${eventId}::uuid
         FOR NO KEY UPDATE OF a`;
    const row = rows[0];
    return row ? { id: row.id, programmeId: row.programme_id, userId: row.user_id, state: row.state } : null;
  }

  /** The committee's list: keyset page, oldest first, with no statement or self-described answer selected at all. */
  listPage(
    eventId: string,
    filter: { programmeId?: string; state?: ScholarshipApplicationState },
    limit: number,
    after?: KeysetPosition,
  ) {
    const conditions: Prisma.ScholarshipApplicationWhereInput[] = [{ programme: { eventId } }];
    if (filter.programmeId) conditions.push({ programmeId: filter.programmeId });
    if (filter.state) conditions.push({ state: filter.state });
    if (after) conditions.push(createdAfter(after));
    return this.tx.db.scholarshipApplication.findMany({
      where: { AND: conditions },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
      select: {
        id: true,
        state: true,
        requestedTravelMinor: true,
        travelOrigin: true,
        createdAt: true,
        updatedAt: true,
        programme: { select: { id: true, key: true, currency: true } },
        user: { select: { id: true, name: true, email: true } },
        assignments: { select: { review: { select: { id: true } } } },
        awards: AWARD_SUMMARY,
      },
    });
  }
}
