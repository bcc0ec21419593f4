import { Injectable } from '@nestjs/common';
import { databaseError } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { SeatLockSpace } from './seat-rule.contract';

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

/** Seat accounting: the event-wide locks, and availability counted from the registrations themselves. */
@Injectable()
export class InventoryRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Takes the event's structure lock exclusively until the transaction ends: no registration of the event can
   * commit meanwhile (the seat-check trigger takes it shared first), so the caller may count and change seats
   * across all of the event's limits. A lock not granted within the timeout fails instead of queueing forever.
   */
  lockEvent(eventId: string, timeoutMs = 5_000): Promise<void> {
    return this.lock('structure', eventId, timeoutMs);
  }

  /** Orders a change of the voucher's limit against the registrations that redeem it. */
  lockVoucher(voucherId: string, timeoutMs = 5_000): Promise<void> {
    return this.lock('voucher', voucherId, timeoutMs);
  }

  /** The key comes from the seat rule's own lectern_lock_key, so it is the key its trigger takes (sql/seat-rule.sql). */
  private async lock(space: SeatLockSpace, id: string, timeoutMs: number): Promise<void> {
    await this.tx.db.$executeRaw`
      SELECT set_config('lock_timeout', ${`${timeoutMs}ms`}, true), pg_advisory_xact_lock(lectern_lock_key(${space}::text, ${id}::uuid))`;
  }

  /**
   * The limits of the event (or only those that `ticketTypeId` draws on) with their use at `now`, counted from
   * the registrations themselves by the database function the seat check uses too (no counter that could drift,
   * one definition of a seat in use). Under the event's exclusive lock this is the truth; without it, it may only
   * be used to refuse early (a full limit stays full until someone cancels, and a refusal before that
   * cancellation is a correct answer) or to predict what the seat check will decide.
   */
  async usage(eventId: string, ticketTypeId: string | null, now: Date): Promise<LimitUsage[]> {
    return this.tx.db.$queryRaw<LimitUsage[]>`
      SELECT kind, id::text AS id, size, types::text[] AS types, taken, held, expired, waiting
      FROM lectern_seat_usage(${eventId}::uuid, ${ticketTypeId}::uuid, ${now}::timestamptz)`;
  }

  /** Events where the waiting list needs work: offers that ran out, or people waiting without an offer. */
  async eventsWithWaitlistWork(now: Date): Promise<string[]> {
    const rows = await this.tx.db.$queryRaw<{ event_id: string }[]>`
      SELECT DISTINCT event_id::text AS event_id FROM registrations
      WHERE state = 'WAITLISTED' AND (offer_expires_at IS NULL OR offer_expires_at <= ${now}::timestamptz)`;
    return rows.map((r) => r.event_id);
  }
}

/** True when Postgres gave up waiting for a lock (SQLSTATE 55P03). */
export function isLockTimeout(error: unknown): boolean {
  return databaseError(error)?.code === '55P03';
}
