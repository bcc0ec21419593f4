import { Injectable } from '@nestjs/common';
import { Prisma } from '../../../../libs/database/generated/client';
import { TransactionHost } from '../../../../libs/database/transaction.host';

/**
 * Advisory-lock key spaces. The space sits in the key's top bits, so sorting keys numerically always puts an
 * event's structure lock first, its capacity second and its quotas last: every transaction takes its locks in
 * that one order and two of them can never wait on each other in a cycle (pretix's scheme, see the research note).
 */
const SPACE = { structure: 1n, capacity: 2n, quota: 3n } as const;

/** 56 bits of the id under the key space; two ids sharing them only serialise a little more, never less. */
function keyOf(space: keyof typeof SPACE, id: string): bigint {
  return (SPACE[space] << 56n) | BigInt(`0x${id.replace(/-/g, '').slice(0, 14)}`);
}

export interface LockRequest {
  /** The event whose structure (quotas, links, capacity) must not change under us. */
  eventId: string;
  /** Held exclusively: structure changes and waiting-list processing, which touch every limit of the event. */
  exclusiveEvent?: boolean;
  capacity?: boolean;
  quotaIds?: string[];
}

/** One limit on seats (a quota, or the event's capacity for in-person tickets) and its use now. */
export interface LimitUsage {
  kind: 'quota' | 'capacity';
  id: string;
  /** A quota without a size only counts; it never runs out and needs no lock. */
  size: number | null;
  /** The ticket types that draw on this limit. */
  types: string[];
  /** Confirmed and pending registrations. */
  taken: number;
  /** Waiting-list offers still open: their seats are held. */
  held: number;
  /** Offers whose time is up but that nobody has processed yet: they hold nothing. */
  expired: number;
  /** Someone on the waiting list has no offer yet. */
  waiting: boolean;
}

export const freeSeats = (limit: LimitUsage) => (limit.size === null ? Infinity : limit.size - limit.taken - limit.held);

/** A registration row as takeSeat inserts it. */
export interface SeatRow {
  id: string;
  eventId: string;
  userId: string;
  ticketTypeId: string;
  voucherId: string | null;
  state: string;
  attendeeName: string;
  attendeeEmail: string;
  priceCents: number;
  currency: string;
  badgeToken: string;
  consentToReport: boolean;
  country: string | null;
  companyName: string | null;
  companySize: string | null;
  jobFunction: string | null;
  industry: string | null;
  firstTimeAttendee: boolean | null;
  gender: string | null;
  waitlistedAt: Date | null;
  confirmedAt: Date | null;
  createdAt: Date;
}

/**
 * `usage`: one row per limit (every quota of the event and its capacity, or only those a ticket type draws on)
 * with its use at `now`, counted from the registrations themselves so there is no counter that could drift.
 */
function usageCte(eventId: string, ticketTypeId: string | null, now: Date) {
  return Prisma.sql`
    limits AS (
      SELECT 'quota' AS kind, q.id, q.size,
             ARRAY(SELECT x.ticket_type_id FROM ticket_type_quotas x WHERE x.quota_id = q.id) AS types
      FROM quotas q
      WHERE q.event_id = ${eventId}::uuid
        AND (${ticketTypeId}::uuid IS NULL OR EXISTS (
          SELECT 1 FROM ticket_type_quotas x WHERE x.quota_id = q.id AND x.ticket_type_id = ${ticketTypeId}::uuid))
      UNION ALL
      SELECT 'capacity', e.id, e.capacity,
             ARRAY(SELECT t.id FROM ticket_types t WHERE t.event_id = e.id AND t.attendance = 'IN_PERSON')
      FROM events e
      WHERE e.id = ${eventId}::uuid AND e.capacity IS NOT NULL
        AND (${ticketTypeId}::uuid IS NULL OR EXISTS (
          SELECT 1 FROM ticket_types t WHERE t.id = ${ticketTypeId}::uuid AND t.attendance = 'IN_PERSON'))
    ),
    usage AS (
      SELECT l.kind, l.id::text AS id, l.size, l.types::text[] AS types,
        (SELECT count(*)::int FROM registrations r
          WHERE r.ticket_type_id = ANY(l.types) AND r.state IN ('PENDING', 'CONFIRMED')) AS taken,
        (SELECT count(*)::int FROM registrations r
          WHERE r.ticket_type_id = ANY(l.types) AND r.state = 'WAITLISTED'
            AND r.offer_expires_at > ${now}::timestamptz) AS held,
        (SELECT count(*)::int FROM registrations r
          WHERE r.ticket_type_id = ANY(l.types) AND r.state = 'WAITLISTED'
            AND r.offer_expires_at <= ${now}::timestamptz) AS expired,
        EXISTS (SELECT 1 FROM registrations r
          WHERE r.ticket_type_id = ANY(l.types) AND r.state = 'WAITLISTED' AND r.offer_expires_at IS NULL) AS waiting
      FROM limits l
    )`;
}

/** Seat accounting: the locks, and availability counted from the registrations themselves (no counter to drift). */
@Injectable()
export class InventoryRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Takes every lock in one statement, in key order, until the transaction ends. Must be called once per
   * transaction (except after an exclusive event lock, which no one else can then hold any part of). A lock not
   * granted within the timeout fails the statement instead of queueing requests without bound.
   */
  async lock(request: LockRequest, timeoutMs = 5_000): Promise<void> {
    const keys: { key: bigint; shared: boolean }[] = [
      { key: keyOf('structure', request.eventId), shared: !request.exclusiveEvent },
    ];
    if (!request.exclusiveEvent) {
      if (request.capacity) keys.push({ key: keyOf('capacity', request.eventId), shared: false });
      for (const id of new Set(request.quotaIds ?? [])) keys.push({ key: keyOf('quota', id), shared: false });
    }
    keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const calls = keys.map(
      (k, i) => `${k.shared ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}($${i + 2}::bigint)`,
    );
    await this.tx.db.$executeRawUnsafe(
      `SELECT set_config('lock_timeout', $1, true), ${calls.join(', ')}`,
      `${timeoutMs}ms`,
      ...keys.map((k) => k.key.toString()),
    );
  }

  /**
   * The limits of the event (or only those that `ticketTypeId` draws on) with their use at `now`. Under the
   * locks this is the truth; without them it may only be used to refuse early (a full limit stays full until
   * someone cancels, and a refusal before that cancellation is a correct answer).
   */
  async usage(eventId: string, ticketTypeId: string | null, now: Date): Promise<LimitUsage[]> {
    return this.tx.db.$queryRaw<LimitUsage[]>`WITH ${usageCte(eventId, ticketTypeId, now)} SELECT * FROM usage`;
  }

  /**
   * Counts and inserts in one statement, so the locks are held for two round trips only (this and the commit).
   * The row goes in only if the locks cover every limit with a size, the waiting list needs no attention first
   * (unless it just had it), and whether the type is full matches the state the caller prepared the row for.
   * Returns the use it saw, so the caller can tell why nothing went in.
   */
  async takeSeat(
    held: { capacity: boolean; quotaIds: string[] },
    row: SeatRow,
    options: { now: Date; waitlistProcessed: boolean },
  ): Promise<{ inserted: boolean; limits: LimitUsage[] }> {
    const expectFull = row.state === 'WAITLISTED';
    const quotaIds = held.quotaIds.length > 0 ? Prisma.sql`ARRAY[${Prisma.join(held.quotaIds)}]::uuid[]` : Prisma.sql`ARRAY[]::uuid[]`;
    const rows = await this.tx.db.$queryRaw<{ inserted: number; limits: LimitUsage[] | null }[]>`
      WITH ${usageCte(row.eventId, row.ticketTypeId, options.now)},
      verdict AS (
        SELECT
          coalesce(bool_and(u.size IS NULL OR (u.kind = 'capacity' AND ${held.capacity})
            OR (u.kind = 'quota' AND u.id::uuid = ANY(${quotaIds}))), true) AS covered,
          coalesce(bool_or(u.expired > 0 OR (u.waiting AND u.size IS NOT NULL AND u.taken + u.held < u.size)), false) AS queue_first,
          coalesce(bool_or(u.size IS NOT NULL AND u.taken + u.held >= u.size), false) AS full
        FROM usage u
      ),
      inserted AS (
        INSERT INTO registrations (
          id, event_id, user_id, ticket_type_id, voucher_id, state, attendee_name, attendee_email, price_cents,
          currency, badge_token, consent_to_report, country, company_name, company_size, job_function, industry,
          first_time_attendee, gender, waitlisted_at, confirmed_at, created_at, updated_at)
        SELECT ${row.id}::uuid, ${row.eventId}::uuid, ${row.userId}::uuid, ${row.ticketTypeId}::uuid, ${row.voucherId}::uuid,
          ${row.state}::"RegistrationState", ${row.attendeeName}, ${row.attendeeEmail}, ${row.priceCents}, ${row.currency},
          ${row.badgeToken}, ${row.consentToReport}, ${row.country}, ${row.companyName}, ${row.companySize}::"CompanySize",
          ${row.jobFunction}::"JobFunction", ${row.industry}::"Industry", ${row.firstTimeAttendee}::boolean,
          ${row.gender}::"Gender", ${row.waitlistedAt}::timestamptz, ${row.confirmedAt}::timestamptz,
          ${row.createdAt}::timestamptz, ${row.createdAt}::timestamptz
        FROM verdict v
        WHERE v.covered AND (${options.waitlistProcessed} OR NOT v.queue_first) AND v.full = ${expectFull}
        RETURNING id
      )
      SELECT (SELECT count(*)::int FROM inserted) AS inserted, (SELECT json_agg(u) FROM usage u) AS limits`;
    return { inserted: rows[0].inserted === 1, limits: rows[0].limits ?? [] };
  }

  /** Events where the waiting list needs work: offers that ran out, or people waiting without an offer. */
  async eventsWithWaitlistWork(now: Date): Promise<string[]> {
    const rows = await this.tx.db.$queryRaw<{ event_id: string }[]>`
      SELECT DISTINCT event_id::text AS event_id FROM registrations
      WHERE state = 'WAITLISTED' AND (offer_expires_at IS NULL OR offer_expires_at <= ${now}::timestamptz)`;
    return rows.map((r) => r.event_id);
  }
}

/** True when Postgres gave up waiting for a lock (SQLSTATE 55P03), however the driver adapter wrapped it. */
export function isLockTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const text = `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})} ${String((error as { cause?: unknown }).cause ?? '')}`;
  return text.includes('55P03') || /lock timeout/i.test(text);
}

/** True when takeSeat's insert met the one-active-registration-per-attendee index (SQLSTATE 23505 on it). */
export function isActiveRegistrationConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return JSON.stringify(error.meta ?? {}).includes('registrations_event_id_user_id_active_key');
}
