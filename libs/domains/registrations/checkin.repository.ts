import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@lectern/database/transaction.host';

@Injectable()
export class CheckInRepository {
  constructor(private readonly tx: TransactionHost) {}

  findByBadge(eventId: string, badgeToken: string) {
    return this.tx.db.registration.findFirst({
      where: { eventId, badgeToken },
      select: {
        id: true,
        state: true,
        attendeeName: true,
        ticketType: { select: { id: true, name: true, category: true, attendance: true } },
      },
    });
  }

  /**
   * Records the day's check-in unless there is one; the unique (registration, day) index decides, so two scans
   * at the same moment still make one row. Returns the row either way and whether this call made it.
   */
  async checkIn(eventId: string, registrationId: string, day: string, now: Date, staffId: string) {
    const inserted = await this.tx.db.$queryRaw<{ checked_in_at: Date }[]>`
      INSERT INTO check_ins (id, event_id, registration_id, day, checked_in_at, staff_id)
      VALUES (gen_random_uuid(), ${eventId}::uuid, ${registrationId}::uuid, ${day}::date, ${now}::timestamptz, ${staffId}::uuid)
      ON CONFLICT (registration_id, day) DO NOTHING
      RETURNING checked_in_at`;
    if (inserted[0]) return { created: true, checkedInAt: inserted[0].checked_in_at };
    const existing = await this.tx.db.$queryRaw<{ checked_in_at: Date }[]>`
      SELECT checked_in_at FROM check_ins WHERE registration_id = ${registrationId}::uuid AND day = ${day}::date`;
    return { created: false, checkedInAt: existing[0].checked_in_at };
  }

  /** Check-ins per event day, and how many registrations are confirmed (the denominator of a check-in rate). */
  async attendance(eventId: string) {
    const [days, confirmed] = await Promise.all([
      this.tx.db.$queryRaw<{ day: string; count: number }[]>`
        SELECT to_char(day, 'YYYY-MM-DD') AS day, count(*)::int AS count FROM check_ins
        WHERE event_id = ${eventId}::uuid GROUP BY day ORDER BY day`,
      this.tx.db.registration.count({ where: { eventId, state: 'CONFIRMED' } }),
    ]);
    return { days, confirmed };
  }
}
