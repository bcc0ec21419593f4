/**
 * The application's side of the seat rule, whose one definition is sql/seat-rule.sql (applied by a migration):
 * the lock spaces the application asks that file's lectern_lock_key for, and the refusals its trigger signals.
 * test/seat-rule.test.ts proves that these constants, the file and the migrated database agree.
 */

/** The SQLSTATE of every refusal by the seat check. */
export const SEAT_RULE_SQLSTATE = 'LS409';

/** The seat check's refusals: the message of its LS409 error. */
export const SeatRefusal = {
  /** A limit of the ticket type would be exceeded. */
  seatsExhausted: 'LECTERN_SEATS_EXHAUSTED',
  /** A waiting-list entry although seats are free: it should have taken one. */
  seatsFree: 'LECTERN_SEATS_FREE',
  /** An expired offer still holds its place in the queue: process the waiting list first. */
  waitlistFirst: 'LECTERN_WAITLIST_FIRST',
  /** The voucher is used up. */
  voucherExhausted: 'LECTERN_VOUCHER_EXHAUSTED',
} as const;
export type SeatRefusal = (typeof SeatRefusal)[keyof typeof SeatRefusal];

/** The advisory-lock spaces of lectern_lock_key, in the order their locks are taken. */
export const SEAT_LOCK_SPACES = ['structure', 'capacity', 'quota', 'voucher'] as const;
export type SeatLockSpace = (typeof SEAT_LOCK_SPACES)[number];
