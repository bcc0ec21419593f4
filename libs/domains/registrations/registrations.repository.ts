import { Injectable } from '@nestjs/common';
import {
  Attendance,
  CancelReason,
  CompanySize,
  EventRole,
  EventStatus,
  Gender,
  Industry,
  JobFunction,
  Prisma,
  RegistrationState,
  TicketCategory,
} from '@lectern/database/generated/client';
import { Readable } from 'node:stream';
import { escapeLiteral } from 'pg';
import { csvPlainSql, csvTextSql, csvUtcSql } from '@lectern/csv/csv.format';
import { ExportPool } from '@lectern/database/export-pool';
import { KeysetPosition, createdAfter } from '@lectern/database/keyset';
import { databaseError } from '@lectern/database/prisma-errors';
import { Statement, TransactionHost } from '@lectern/database/transaction.host';
import { LimitUsage } from './inventory.repository';
import { SEAT_RULE_SQLSTATE, SeatRefusal } from './seat-rule.contract';
import { LocalizedText } from '@lectern/i18n/localized-text';
import { AuthUser } from '@lectern/domains/auth/auth.types';

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
  ticketType: { select: { id: true, name: true, category: true, attendance: true } },
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

/** A new registration's row, exactly as written. */
export interface RegistrationRow {
  id: string;
  eventId: string;
  userId: string;
  ticketTypeId: string;
  voucherId: string | null;
  state: RegistrationState;
  attendeeName: string;
  attendeeEmail: string;
  priceCents: number;
  currency: string;
  badgeToken: string;
  consentToReport: boolean;
  country: string | null;
  companyName: string | null;
  companySize: CompanySize | null;
  jobFunction: JobFunction | null;
  industry: Industry | null;
  firstTimeAttendee: boolean | null;
  gender: Gender | null;
  waitlistedAt: Date | null;
  confirmedAt: Date | null;
  createdAt: Date;
}

const REFUSALS: readonly string[] = Object.values(SeatRefusal);

/** The seat check's refusal (sql/seat-rule.sql) that a failed statement or commit carries, or null. */
export function seatRefusal(error: unknown): SeatRefusal | null {
  const refused = databaseError(error);
  return refused?.code === SEAT_RULE_SQLSTATE && REFUSALS.includes(refused.message) ? (refused.message as SeatRefusal) : null;
}

/** True when the edition had moved online: its trigger refuses every in-person seat (SQLSTATE LS410). */
export function isInPersonClosed(error: unknown): boolean {
  return databaseError(error)?.code === 'LS410';
}

/** True when the insert met the one-active-registration-per-attendee index (SQLSTATE 23505 on it). */
export function isActiveRegistrationConflict(error: unknown): boolean {
  const refused = databaseError(error);
  return refused?.code === '23505' && refused.constraint === 'registrations_event_id_user_id_active_key';
}

export interface RegistrationFilter {
  state?: RegistrationState;
  ticketTypeId?: string;
  /** Matches the attendee's name or e-mail, case-insensitively. */
  search?: string;
}

/** A new registration's row as far as it is known before its ticket type is read (RegistrationsRepository.context). */
export type EagerRegistrationRow = Pick<RegistrationRow, 'id' | 'userId' | 'badgeToken' | 'attendeeName' | 'consentToReport' | 'createdAt'> &
  SelfDescribed & {
    /** Null: the account's e-mail. */
    attendeeEmail: string | null;
  };

/** What the statement wrote of the row that it decided itself. */
export interface CreatedRegistration {
  state: RegistrationState;
  attendeeEmail: string;
  priceCents: number;
  currency: string;
}

/** What registering needs to know, read in one round trip (see RegistrationsRepository.context). */
export interface RegistrationContext {
  /** The caller's account as it is now: the route's check against a deleted account (AccountReadByRoute). */
  account: AuthUser;
  /** Null when no edition has the slug. */
  event: { id: string; status: EventStatus } | null;
  roles: EventRole[];
  /** The caller already holds a registration of the event that is not cancelled. */
  registered: boolean;
  type: {
    id: string;
    name: LocalizedText;
    category: TicketCategory;
    attendance: Attendance;
    priceCents: number;
    currency: string;
    salesStartAt: Date | null;
    salesEndAt: Date | null;
    hidden: boolean;
  } | null;
  limits: LimitUsage[];
}

@Injectable()
export class RegistrationsRepository {
  constructor(
    private readonly tx: TransactionHost,
    private readonly exports: ExportPool,
  ) {}

  /**
   * The caller's account, the event with the caller's roles in it and whether they are registered already, the
   * ticket type (if it belongs to the event) and the use of its limits at `now`, in one statement: most
   * registration attempts when a conference opens are refused as sold out, and this is all such a refusal costs.
   * Null when the account does not exist. Through the driver (TransactionHost.read), prepared: it runs on every
   * attempt, and planning it cost about as much server time as running it.
   *
   * With `eager`, the same statement also writes the registration (and `eager.also`, statements over the CTE
   * `created`) when the context leaves nothing to decide: the edition published, the type on sale and not hidden,
   * the caller not registered, no limit full or holding an expired offer. State, price and currency come from the
   * type as a registration without voucher has them (free: confirmed, else pending). Those conditions only narrow
   * the service's rules (RegistrationsService.register), which decide whatever this does not write; the seat check
   * still decides at commit. `created` is the written row, or null. With `eager.countSeats` false (SeatHints), the
   * limits are not counted (`limits` is empty) and the registration is written whatever they hold: the seat check
   * alone decides.
   */
  async context(
    slug: string,
    userId: string,
    ticketTypeId: string,
    now: Date,
    eager?: { row: EagerRegistrationRow; also: Statement[]; countSeats: boolean },
  ): Promise<(RegistrationContext & { created: CreatedRegistration | null }) | null> {
    const countSeats = eager?.countSeats ?? true;
    const limits = countSeats
      ? Prisma.sql`CASE WHEN t.id IS NULL THEN NULL ELSE (
          SELECT json_agg(json_build_object('kind', u.kind, 'id', u.id, 'size', u.size, 'types', u.types,
            'taken', u.taken, 'held', u.held, 'expired', u.expired, 'waiting', u.waiting))
          FROM lectern_seat_usage(e.id, t.id, ${now}::timestamptz) u) END`
      : Prisma.sql`NULL::json`;
    const select = Prisma.sql`
      SELECT me.email, me.is_admin, e.id::text AS event_id, e.status::text AS status,
        ARRAY(SELECT g.role::text FROM role_grants g WHERE g.event_id = e.id AND g.user_id = me.id) AS roles,
        EXISTS (SELECT 1 FROM registrations r
          WHERE r.event_id = e.id AND r.user_id = me.id AND r.state <> 'CANCELLED') AS registered,
        CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object(
          'id', t.id, 'name', t.name, 'category', t.category, 'attendance', t.attendance,
          'priceCents', t.price_cents, 'currency', t.currency, 'salesStartAt', t.sales_start_at,
          'salesEndAt', t.sales_end_at, 'hidden', t.hidden) END AS type,
        ${limits} AS limits
      FROM users me
      LEFT JOIN events e ON e.slug = ${slug}
      LEFT JOIN ticket_types t ON t.id = ${ticketTypeId}::uuid AND t.event_id = e.id
      WHERE me.id = ${userId}::uuid`;
    const rows = await this.tx.read<{
      email: string;
      is_admin: boolean;
      event_id: string | null;
      status: EventStatus | null;
      roles: EventRole[];
      registered: boolean;
      type: (Omit<NonNullable<RegistrationContext['type']>, 'salesStartAt' | 'salesEndAt'> & { salesStartAt: string | null; salesEndAt: string | null }) | null;
      limits: LimitUsage[] | null;
      created?: CreatedRegistration | null;
    }>(eager ? this.withEagerInsertion(select, eager.row, eager.also, now, countSeats) : select, { prepared: true });
    const row = rows[0];
    if (!row) return null;
    return {
      account: { id: userId, email: row.email, isAdmin: row.is_admin },
      event: row.event_id && row.status ? { id: row.event_id, status: row.status } : null,
      roles: row.roles,
      registered: row.registered,
      type: row.type
        ? {
            ...row.type,
            salesStartAt: row.type.salesStartAt ? new Date(row.type.salesStartAt) : null,
            salesEndAt: row.type.salesEndAt ? new Date(row.type.salesEndAt) : null,
          }
        : null,
      limits: row.limits ?? [],
      created: row.created ?? null,
    };
  }

  /**
   * The context `select` as CTE c, the registration written from it as CTE `created` when c leaves nothing to decide
   * (the limits only when they were counted).
   */
  private withEagerInsertion(select: Prisma.Sql, row: EagerRegistrationRow, also: Statement[], now: Date, countSeats: boolean): Prisma.Sql {
    const seatsLeft = countSeats
      ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM json_array_elements(c.limits) l
                WHERE (l->>'expired')::integer > 0
                   OR (l->>'size')::integer - (l->>'taken')::integer - (l->>'held')::integer <= 0)`
      : Prisma.empty;
    const state = Prisma.sql`(CASE WHEN (c.type->>'priceCents')::integer = 0 THEN 'CONFIRMED' ELSE 'PENDING' END)::"RegistrationState"`;
    return Prisma.sql`
      WITH c AS MATERIALIZED (${select}),
      created AS (
        INSERT INTO registrations (
          id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency,
          badge_token, consent_to_report, country, company_name, company_size, job_function, industry,
          first_time_attendee, gender, confirmed_at, created_at, updated_at)
        SELECT ${row.id}::uuid, c.event_id::uuid, ${row.userId}::uuid, (c.type->>'id')::uuid, ${state}, ${row.attendeeName},
          coalesce(${row.attendeeEmail}, c.email), (c.type->>'priceCents')::integer, c.type->>'currency', ${row.badgeToken},
          ${row.consentToReport}, ${row.country ?? null}, ${row.companyName ?? null}, ${row.companySize ?? null}::"CompanySize",
          ${row.jobFunction ?? null}::"JobFunction", ${row.industry ?? null}::"Industry", ${row.firstTimeAttendee ?? null}::boolean,
          ${row.gender ?? null}::"Gender", CASE WHEN ${state} = 'CONFIRMED' THEN ${now}::timestamptz END,
          ${now}::timestamptz, ${now}::timestamptz
          FROM c
         WHERE c.status = 'PUBLISHED' AND NOT c.registered AND c.type IS NOT NULL
           AND NOT (c.type->>'hidden')::boolean
           AND (c.type->>'salesStartAt' IS NULL OR ${now}::timestamptz >= (c.type->>'salesStartAt')::timestamptz)
           AND (c.type->>'salesEndAt' IS NULL OR ${now}::timestamptz < (c.type->>'salesEndAt')::timestamptz)
           ${seatsLeft}
        RETURNING id, event_id, ticket_type_id, state, attendee_email AS "attendeeEmail", price_cents AS "priceCents", currency),
      ${Prisma.join(
        also.map((part, i) => Prisma.sql`${Prisma.raw(`s${i}`)} AS (${part})`),
        ', ',
      )}
      SELECT c.*, (SELECT row_to_json(r) FROM created r) AS created FROM c`;
  }

  /**
   * The application's clock goes in created_at and updated_at (the seat check reads "now" from updated_at). Whether
   * a seat may be taken is decided by the seat-check trigger when the transaction commits.
   */
  insertion(row: RegistrationRow): Statement {
    return Prisma.sql`
      INSERT INTO registrations (
        id, event_id, user_id, ticket_type_id, voucher_id, state, attendee_name, attendee_email, price_cents,
        currency, badge_token, consent_to_report, country, company_name, company_size, job_function, industry,
        first_time_attendee, gender, waitlisted_at, confirmed_at, created_at, updated_at)
      VALUES (${row.id}::uuid, ${row.eventId}::uuid, ${row.userId}::uuid, ${row.ticketTypeId}::uuid, ${row.voucherId}::uuid,
        ${row.state}::"RegistrationState", ${row.attendeeName}, ${row.attendeeEmail}, ${row.priceCents}, ${row.currency},
        ${row.badgeToken}, ${row.consentToReport}, ${row.country}, ${row.companyName}, ${row.companySize}::"CompanySize",
        ${row.jobFunction}::"JobFunction", ${row.industry}::"Industry", ${row.firstTimeAttendee}::boolean,
        ${row.gender}::"Gender", ${row.waitlistedAt}::timestamptz, ${row.confirmedAt}::timestamptz,
        ${row.createdAt}::timestamptz, ${row.createdAt}::timestamptz)`;
  }

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
      select: { ...REGISTRATION_FIELDS, event: { select: { slug: true, name: true } } },
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
  async expireOffers(eventId: string, now: Date): Promise<{ id: string }[]> {
    const rows = await this.tx.db.$queryRaw<{ id: string }[]>`
      UPDATE registrations
      SET state = 'CANCELLED', cancel_reason = 'OFFER_EXPIRED', cancelled_at = ${now}::timestamptz,
          offer_expires_at = NULL, updated_at = ${now}::timestamptz
      WHERE event_id = ${eventId}::uuid AND state = 'WAITLISTED' AND offer_expires_at <= ${now}::timestamptz
      RETURNING id::text AS id`;
    return rows;
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

  async offer(id: string, expiresAt: Date, now: Date): Promise<void> {
    await this.tx.db.registration.update({ where: { id }, data: { offerExpiresAt: expiresAt, updatedAt: now }, select: { id: true } });
  }

  /** Keyset page, oldest first; self-described fields are not selected at all. */
  listPage(eventId: string, filter: RegistrationFilter, limit: number, after?: KeysetPosition) {
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
    if (after) conditions.push(createdAfter(after));
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
        ticketType: { select: { id: true, name: true, category: true, attendance: true } },
        _count: { select: { checkIns: true } },
      },
    });
  }

  /**
   * The rows of listPage, all of them, oldest first, as CSV written by PostgreSQL in one COPY through the export
   * pool (see ExportPool.copyCsv): same filter, same order, the check-in count in the same statement, the ticket
   * type named in `language` (else in its first language, as textIn does).
   */
  streamExport(eventId: string, filter: RegistrationFilter, language: string, head: string): Promise<Readable> {
    const conditions = [`r.event_id = ${escapeLiteral(eventId)}::uuid`];
    if (filter.state) conditions.push(`r.state = ${escapeLiteral(filter.state)}::"RegistrationState"`);
    if (filter.ticketTypeId) conditions.push(`r.ticket_type_id = ${escapeLiteral(filter.ticketTypeId)}::uuid`);
    if (filter.search) {
      const pattern = escapeLiteral(`%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      conditions.push(`(r.attendee_name ILIKE ${pattern} OR r.attendee_email ILIKE ${pattern})`);
    }
    const select = `
      WITH t AS MATERIALIZED (
        SELECT id, category, attendance,
               coalesce(nullif(name ->> ${escapeLiteral(language)}, ''),
                        (SELECT e.value FROM jsonb_each_text(name) WITH ORDINALITY e(key, value, n) WHERE e.value <> '' ORDER BY e.n LIMIT 1)) AS name
          FROM ticket_types WHERE event_id = ${escapeLiteral(eventId)}::uuid)
      SELECT r.id, r.state, ${csvTextSql('r.attendee_name')}, ${csvTextSql('r.attendee_email')}, ${csvTextSql('t.name')},
             t.category, t.attendance, r.price_cents, ${csvTextSql('r.currency')}, ${csvUtcSql('r.paid_at')},
             ${csvUtcSql('r.confirmed_at')}, ${csvUtcSql('r.cancelled_at')}, ${csvPlainSql('r.cancel_reason')},
             (SELECT count(*) FROM check_ins c WHERE c.registration_id = r.id), ${csvUtcSql('r.created_at')}
        FROM registrations r JOIN t ON t.id = r.ticket_type_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY r.created_at, r.id`;
    return this.exports.copyCsv(select, head);
  }
}
