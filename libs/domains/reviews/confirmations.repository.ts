import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';
import { CONFIRMATION_DEFAULTS } from './confirmation.policy';

/**
 * Every accepted talk (answered or not) with the instant its speakers must confirm or decline by (`confirm_by`)
 * and the instant its owner is reminded from (`remind_from`, NULL when the event sends no reminder).
 *
 * The window starts when the acceptance reached the speakers: a proposal's decision release (promotions from the
 * waiting list are released as they happen), an invited session's creation. An invited session is created
 * accepted and its submitted_at is that instant for good, whereas state_changed_at moves again when the speakers
 * answer. Days are calendar days in the event's time zone, so a deadline keeps its wall-clock time across a
 * daylight-saving change. The window is read from the settings as they are now: an organiser who lengthens it
 * lengthens it for every talk still waiting.
 */
export const CONFIRMATION_DEADLINES = Prisma.sql`
  SELECT s.id, s.event_id, s.state, s.confirmation_reminded_at,
         (w.accepted_local + make_interval(days => w.days)) AT TIME ZONE e.timezone AS confirm_by,
         CASE WHEN w.reminder_days > 0
              THEN (w.accepted_local + make_interval(days => w.days - w.reminder_days)) AT TIME ZONE e.timezone
         END AS remind_from
    FROM submissions s
    JOIN events e ON e.id = s.event_id
    LEFT JOIN review_settings r ON r.event_id = s.event_id
    LEFT JOIN submission_decisions d ON d.submission_id = s.id AND d.decision = 'ACCEPTED'
   CROSS JOIN LATERAL (
         SELECT (CASE s.origin WHEN 'INVITED' THEN s.submitted_at ELSE d.released_at END) AT TIME ZONE e.timezone AS accepted_local,
                coalesce(r.confirmation_days, ${CONFIRMATION_DEFAULTS.days}::int) AS days,
                coalesce(r.confirmation_reminder_days, ${CONFIRMATION_DEFAULTS.reminderDays}::int) AS reminder_days) w
   WHERE s.state IN ('ACCEPTED', 'CONFIRMED', 'DECLINED')`;

@Injectable()
export class ConfirmationsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Marks the unanswered, not yet reminded talks whose reminder is due at `now` and whose deadline has not
   * passed, and returns them. Rows another transaction holds (a sweep marking them, a speaker answering) are
   * skipped rather than waited for, so concurrent sweeps never deadlock; the lock also re-reads a row changed
   * since the statement began, so a talk reminded or answered meanwhile is left alone.
   */
  /** When the speakers of an accepted talk (answered or not) must confirm or decline by; null for any other talk. */
  async confirmBy(submissionId: string): Promise<Date | null> {
    const rows = await this.tx.db.$queryRaw<{ confirm_by: Date | null }[]>`
      SELECT c.confirm_by FROM (${CONFIRMATION_DEADLINES}) c WHERE c.id = ${submissionId}::uuid`;
    return rows[0]?.confirm_by ?? null;
  }

  markRemindersDue(now: Date): Promise<{ eventId: string; submissionId: string }[]> {
    return this.tx.db.$queryRaw`
      WITH due AS (
        SELECT s.id FROM submissions s
         WHERE s.state = 'ACCEPTED' AND s.confirmation_reminded_at IS NULL
           AND s.id IN (SELECT c.id FROM (${CONFIRMATION_DEADLINES}) c
                         WHERE c.remind_from <= ${now}::timestamptz AND ${now}::timestamptz < c.confirm_by)
         ORDER BY s.id
           FOR UPDATE OF s SKIP LOCKED)
      UPDATE submissions s SET confirmation_reminded_at = ${now}::timestamptz
        FROM due WHERE s.id = due.id
      RETURNING s.event_id AS "eventId", s.id AS "submissionId"`;
  }
}
