import { Injectable } from '@nestjs/common';
import { CancelReason, CompanySize, Gender, Industry, JobFunction, Prisma, RegistrationState } from '../../../../libs/database/generated/client';
import { TransactionHost } from '../../../../libs/database/transaction.host';

export const REGISTRATION_FIELDS = {
  id: true,
  eventId: true,
  userId: true,
  ticketTypeId: true,
  voucherId: true,
  state: true,
  attendeeName: true,
  attendeeEmail: true,
  priceCents: true,
  currency: true,
  paidAt: true,
  badgeToken: true,
  consentToReport: true,
  country: true,
  companyName: true,
  companySize: true,
  jobFunction: true,
  industry: true,
  firstTimeAttendee: true,
  gender: true,
  waitlistedAt: true,
  offerExpiresAt: true,
  confirmedAt: true,
  cancelledAt: true,
  cancelReason: true,
  createdAt: true,
  ticketType: { select: { id: true, name: true, nameZh: true, category: true, attendance: true } },
} as const satisfies Prisma.RegistrationSelect;

export type RegistrationRecord = Prisma.RegistrationGetPayload<{ select: typeof REGISTRATION_FIELDS }>;

/** The self-described fields, stored only with consent to aggregate reporting. */
export interface SelfDescribed {
  country?: string | null;
  companyName?: string | null;
  companySize?: CompanySize | null;
  jobFunction?: JobFunction | null;
  industry?: Industry | null;
  firstTimeAttendee?: boolean | null;
  gender?: Gender | null;
}

export interface RegistrationFilter {
  state?: RegistrationState;
  ticketTypeId?: string;
  /** Matches the attendee's name or e-mail, case-insensitively. */
  search?: string;
}

@Injectable()
export class RegistrationsRepository {
  constructor(private readonly tx: TransactionHost) {}

  find(eventId: string, id: string): Promise<RegistrationRecord | null> {
    return this.tx.db.registration.findFirst({ where: { id, eventId }, select: REGISTRATION_FIELDS });
  }

  /** The caller's newest registration for the event, cancelled or not. */
  findLatestOf(eventId: string, userId: string): Promise<RegistrationRecord | null> {
    return this.tx.db.registration.findFirst({
      where: { eventId, userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: REGISTRATION_FIELDS,
    });
  }

  listOfUser(userId: string) {
    return this.tx.db.registration.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { ...REGISTRATION_FIELDS, event: { select: { slug: true, name: true, nameZh: true } } },
    });
  }

  /** Row-locks the registration for the rest of the transaction, so two state changes cannot interleave. */
  async lockRow(eventId: string, id: string): Promise<{ state: RegistrationState; offerExpiresAt: Date | null } | null> {
    const rows = await this.tx.db.$queryRaw<{ state: RegistrationState; offer_expires_at: Date | null }[]>`
      SELECT state, offer_expires_at FROM registrations
      WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`;
    return rows[0] ? { state: rows[0].state, offerExpiresAt: rows[0].offer_expires_at } : null;
  }

  update(id: string, data: Prisma.RegistrationUpdateInput): Promise<RegistrationRecord> {
    return this.tx.db.registration.update({ where: { id }, data, select: REGISTRATION_FIELDS });
  }

  cancel(id: string, reason: CancelReason, now: Date): Promise<RegistrationRecord> {
    return this.update(id, { state: RegistrationState.CANCELLED, cancelReason: reason, cancelledAt: now, offerExpiresAt: null });
  }

  /** Cancels every offer of the event whose time is up; returns what was cancelled. */
  async expireOffers(eventId: string, now: Date): Promise<{ id: string; voucherId: string | null }[]> {
    const rows = await this.tx.db.$queryRaw<{ id: string; voucher_id: string | null }[]>`
      UPDATE registrations
      SET state = 'CANCELLED', cancel_reason = 'OFFER_EXPIRED', cancelled_at = ${now}::timestamptz,
          offer_expires_at = NULL, updated_at = ${now}::timestamptz
      WHERE event_id = ${eventId}::uuid AND state = 'WAITLISTED' AND offer_expires_at <= ${now}::timestamptz
      RETURNING id::text AS id, voucher_id::text AS voucher_id`;
    return rows.map((r) => ({ id: r.id, voucherId: r.voucher_id }));
  }

  /** The longest-waiting entry without an offer whose ticket type is not blocked. */
  async nextWaiting(eventId: string, blockedTypeIds: string[]): Promise<{ id: string; ticketTypeId: string } | null> {
    const rows = await this.tx.db.$queryRaw<{ id: string; ticket_type_id: string }[]>`
      SELECT id::text AS id, ticket_type_id::text AS ticket_type_id FROM registrations
      WHERE event_id = ${eventId}::uuid AND state = 'WAITLISTED' AND offer_expires_at IS NULL
        AND NOT (ticket_type_id = ANY(${blockedTypeIds}::uuid[]))
      ORDER BY waitlisted_at, id
      LIMIT 1`;
    return rows[0] ? { id: rows[0].id, ticketTypeId: rows[0].ticket_type_id } : null;
  }

  async offer(id: string, expiresAt: Date): Promise<void> {
    await this.tx.db.registration.update({ where: { id }, data: { offerExpiresAt: expiresAt }, select: { id: true } });
  }

  /** Keyset page, oldest first; self-described fields are not selected at all. */
  listPage(eventId: string, filter: RegistrationFilter, limit: number, after?: { createdAt: Date; id: string }) {
    const conditions: Prisma.RegistrationWhereInput[] = [{ eventId }];
    if (filter.state) conditions.push({ state: filter.state });
    if (filter.ticketTypeId) conditions.push({ ticketTypeId: filter.ticketTypeId });
    if (filter.search) {
      conditions.push({
        OR: [
          { attendeeName: { contains: filter.search, mode: 'insensitive' } },
          { attendeeEmail: { contains: filter.search, mode: 'insensitive' } },
        ],
      });
    }
    if (after) {
      conditions.push({ OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] });
    }
    const where: Prisma.RegistrationWhereInput = { AND: conditions };
    return this.tx.db.registration.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
      select: {
        id: true,
        state: true,
        attendeeName: true,
        attendeeEmail: true,
        priceCents: true,
        currency: true,
        paidAt: true,
        waitlistedAt: true,
        offerExpiresAt: true,
        confirmedAt: true,
        cancelledAt: true,
        cancelReason: true,
        createdAt: true,
        ticketType: { select: { id: true, name: true, nameZh: true, category: true, attendance: true } },
        _count: { select: { checkIns: true } },
      },
    });
  }
}
