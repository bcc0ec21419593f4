import { Injectable } from '@nestjs/common';
import { EditionChangeKind, EventFormat, Prisma } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';

export interface EditionChangeWrite {
  eventId: string;
  kind: EditionChangeKind;
  fromStartsAt: Date;
  fromEndsAt: Date;
  toStartsAt: Date | null;
  toEndsAt: Date | null;
  fromFormat: EventFormat;
  toFormat: EventFormat;
  windowsShifted: boolean;
  registrationsCancelled: number;
  actorId: string;
  /** When it happened, on the application's clock (which the demo replays). */
  at: Date;
}

const CHANGE_FIELDS = {
  id: true,
  kind: true,
  fromStartsAt: true,
  fromEndsAt: true,
  toStartsAt: true,
  toEndsAt: true,
  fromFormat: true,
  toFormat: true,
  windowsShifted: true,
  registrationsCancelled: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} as const satisfies Prisma.EditionChangeSelect;

export type EditionChangeRecord = Prisma.EditionChangeGetPayload<{ select: typeof CHANGE_FIELDS }>;

/** Far enough that a block of rows moved by it overlaps none of their old places (see shiftWindows). */
const PARKING = Prisma.sql`interval '1000 years'`;

@Injectable()
export class LifecycleRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The edition's row as it stands, locked for the rest of the transaction: one lifecycle change at a time. */
  async lockEdition(eventId: string) {
    const rows = await this.tx.db.$queryRaw<{ status: string; startsAt: Date; endsAt: Date; format: EventFormat }[]>`
      SELECT status::text AS status, starts_at AS "startsAt", ends_at AS "endsAt", format
        FROM events WHERE id = ${eventId}::uuid FOR UPDATE`;
    return rows[0];
  }

  /**
   * Moves by `shiftMs` every window of the edition that depends on its dates and has not closed yet (a CFP that
   * closed stays closed), and all of its days, blocks, placements and co-located events. Days and placements are
   * under a key and an exclusion constraint checked row by row, so they move in two steps, parked far away first.
   * "Closed" is judged at `at`, the application's clock, like every other deadline.
   */
  async shiftWindows(eventId: string, shiftMs: number, at: Date): Promise<void> {
    const db = this.tx.db;
    const by = Prisma.sql`(${shiftMs}::bigint * interval '1 millisecond')`;
    const days = Math.round(shiftMs / 86_400_000);
    await db.$executeRaw`UPDATE cfp_settings SET opens_at = opens_at + ${by}, closes_at = closes_at + ${by}, updated_at = now()
      WHERE event_id = ${eventId}::uuid AND closes_at > ${at}`;
    await db.$executeRaw`UPDATE review_settings SET opens_at = opens_at + ${by}, closes_at = closes_at + ${by}, updated_at = now()
      WHERE event_id = ${eventId}::uuid AND closes_at > ${at}`;
    await db.$executeRaw`UPDATE scholarship_programmes SET opens_at = opens_at + ${by}, closes_at = closes_at + ${by}, updated_at = now()
      WHERE event_id = ${eventId}::uuid AND closes_at > ${at}`;
    await db.$executeRaw`UPDATE ticket_types SET sales_start_at = sales_start_at + ${by}, sales_end_at = sales_end_at + ${by}, updated_at = now()
      WHERE event_id = ${eventId}::uuid AND (sales_end_at IS NULL OR sales_end_at > ${at})`;
    await db.$executeRaw`UPDATE vouchers SET valid_from = valid_from + ${by}, valid_until = valid_until + ${by}, updated_at = now()
      WHERE event_id = ${eventId}::uuid AND (valid_until IS NULL OR valid_until > ${at})`;
    await db.$executeRaw`UPDATE events SET starts_at = starts_at + ${by}, ends_at = ends_at + ${by}, updated_at = now()
      WHERE parent_event_id = ${eventId}::uuid`;
    await db.$executeRaw`UPDATE schedule_blocks SET starts_at = starts_at + ${by}, ends_at = ends_at + ${by} WHERE event_id = ${eventId}::uuid`;
    await db.$executeRaw`UPDATE schedule_days SET date = date + 365000, opens_at = opens_at + ${PARKING}, closes_at = closes_at + ${PARKING}
      WHERE event_id = ${eventId}::uuid`;
    await db.$executeRaw`UPDATE schedule_days SET date = date - 365000 + ${days}::int, opens_at = opens_at - ${PARKING} + ${by}, closes_at = closes_at - ${PARKING} + ${by}
      WHERE event_id = ${eventId}::uuid`;
    await db.$executeRaw`UPDATE schedule_placements SET starts_at = starts_at + ${PARKING}, ends_at = ends_at + ${PARKING} WHERE event_id = ${eventId}::uuid`;
    await db.$executeRaw`UPDATE schedule_placements SET starts_at = starts_at - ${PARKING} + ${by}, ends_at = ends_at - ${PARKING} + ${by}, updated_at = now()
      WHERE event_id = ${eventId}::uuid`;
  }

  /** Cancels every registration still standing (waiting list included), each owed what was paid for it; deletes nothing. */
  cancelRegistrations(eventId: string, at: Date): Promise<number> {
    return this.tx.db.$executeRaw`
      UPDATE registrations
         SET state = 'CANCELLED', cancelled_at = ${at}, cancel_reason = 'ORGANISER', offer_expires_at = NULL,
             refund_due_cents = CASE WHEN paid_at IS NOT NULL THEN price_cents ELSE 0 END, updated_at = ${at}
       WHERE event_id = ${eventId}::uuid AND state <> 'CANCELLED'`;
  }

  /** Written at `c.at`, the same instant the registrations it cancelled carry. */
  async recordChange(c: EditionChangeWrite): Promise<EditionChangeRecord> {
    const [{ id }] = await this.tx.db.$queryRaw<{ id: string }[]>`
      INSERT INTO edition_changes (id, event_id, kind, from_starts_at, from_ends_at, to_starts_at, to_ends_at, from_format, to_format,
                                   windows_shifted, registrations_cancelled, actor_id, created_at)
      VALUES (gen_random_uuid(), ${c.eventId}::uuid, ${c.kind}::"EditionChangeKind", ${c.fromStartsAt}, ${c.fromEndsAt}, ${c.toStartsAt}, ${c.toEndsAt},
              ${c.fromFormat}::"EventFormat", ${c.toFormat}::"EventFormat", ${c.windowsShifted}, ${c.registrationsCancelled}, ${c.actorId}::uuid, ${c.at})
      RETURNING id`;
    return this.tx.db.editionChange.findUniqueOrThrow({ where: { id }, select: CHANGE_FIELDS });
  }

  ticketTypes(eventId: string) {
    return this.tx.db.ticketType.findMany({
      where: { eventId },
      select: { id: true, attendance: true, priceCents: true, inPersonClosedAt: true },
      orderBy: { id: 'asc' },
    });
  }

  /**
   * Moves the standing registrations of an in-person type to a virtual one: a place on the waiting list becomes a
   * seat (the seat rule checks the virtual type's limits at commit); a difference in price already paid is owed back.
   */
  convertRegistrations(fromTypeId: string, toTypeId: string, at: Date): Promise<number> {
    return this.tx.db.$executeRaw`
      UPDATE registrations r
         SET ticket_type_id = t.id,
             state = CASE WHEN r.state = 'WAITLISTED' THEN (CASE WHEN r.price_cents = 0 THEN 'CONFIRMED' ELSE 'PENDING' END)::"RegistrationState" ELSE r.state END,
             confirmed_at = CASE WHEN r.state = 'WAITLISTED' AND r.price_cents = 0 THEN ${at} ELSE r.confirmed_at END,
             offer_expires_at = NULL,
             refund_due_cents = CASE WHEN r.paid_at IS NOT NULL AND r.price_cents > t.price_cents THEN r.price_cents - t.price_cents ELSE r.refund_due_cents END,
             updated_at = ${at}
        FROM ticket_types t
       WHERE t.id = ${toTypeId}::uuid AND r.ticket_type_id = ${fromTypeId}::uuid AND r.state <> 'CANCELLED'`;
  }

  cancelRegistrationsOfType(ticketTypeId: string, at: Date): Promise<number> {
    return this.tx.db.$executeRaw`
      UPDATE registrations
         SET state = 'CANCELLED', cancelled_at = ${at}, cancel_reason = 'ORGANISER', offer_expires_at = NULL,
             refund_due_cents = CASE WHEN paid_at IS NOT NULL THEN price_cents ELSE 0 END, updated_at = ${at}
       WHERE ticket_type_id = ${ticketTypeId}::uuid AND state <> 'CANCELLED'`;
  }

  /** No in-person seat of these types is sold from now on (the registrations trigger reads it). */
  closeInPerson(ticketTypeIds: string[], at: Date): Promise<number> {
    return this.tx.db.ticketType.updateMany({ where: { id: { in: ticketTypeIds } }, data: { inPersonClosedAt: at } }).then((r) => r.count);
  }

  /** Online, every room is a stream (in a hybrid edition too: the sessions in the venue are streamed). */
  async goOnline(eventId: string, format: 'VIRTUAL' | 'HYBRID'): Promise<void> {
    await this.tx.db.$executeRaw`UPDATE events SET format = ${format}::"EventFormat", updated_at = now() WHERE id = ${eventId}::uuid`;
    await this.tx.db.$executeRaw`UPDATE rooms SET livestreamed = true, updated_at = now() WHERE event_id = ${eventId}::uuid`;
  }

  listChanges(eventId: string): Promise<EditionChangeRecord[]> {
    return this.tx.db.editionChange.findMany({ where: { eventId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: CHANGE_FIELDS });
  }
}
