import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { remember } from '@lectern/caching/bounded.cache';
import { MetricsService } from '@lectern/metrics/metrics.service';
import { LimitUsage, freeSeats } from './inventory.repository';

/** A count this old is counted again before it lets a registration skip the count. */
const HINT_MS = 1_000;
/**
 * Seats a count must leave free, after this process's own registrations since, for the next one to skip it: what
 * other API processes may take in HINT_MS without a skipped count being refused, on a large quota. Near the end of a
 * quota every attempt counts, as it did before hints.
 */
const MARGIN = 100;
/** Ticket types remembered per process; past this the oldest go first. */
const KEPT = 10_000;

/**
 * Whether a registration may skip counting its ticket type's seats before it is written (RegistrationsService):
 * the count that decides is the seat check's, under the limits' locks at commit (sql/seat-rule.sql), whatever this
 * says. The count before the write only predicts, so that a sold-out type is refused without taking the locks; on a
 * type with hundreds of seats left it predicts nothing, and it cost as much server time as the seat check itself
 * (README, Performance). So a process remembers, per ticket type, how many seats its last count left, takes one
 * off for each registration it writes without counting, and counts again after HINT_MS, when fewer than MARGIN
 * remain, or when the seat check refused a skipped count (seats taken elsewhere, an offer expired): the hint is a
 * guess that can only cost a refused write and a second statement, never a seat too many.
 */
@Injectable()
export class SeatHints {
  private readonly hints = new Map<string, { free: number; countedUntil: number }>();
  /** How often the guess was taken, and how often the seat check proved it wrong: operators see both at /metrics. */
  private readonly skips: Counter<'outcome'>;

  constructor(metrics: MetricsService) {
    this.skips = new Counter({
      name: 'lectern_registration_seat_count_skips_total',
      help: 'Registrations written without counting seats first (skipped), and those the seat check then refused (refused)',
      labelNames: ['outcome'],
      registers: [metrics.registry],
    });
  }

  /** True when the next registration of the type may skip the count; it is then counted against the hint. */
  skipCount(ticketTypeId: string, now: Date): boolean {
    const hint = this.hints.get(ticketTypeId);
    if (!hint || now.getTime() >= hint.countedUntil || hint.free <= MARGIN) return false;
    hint.free -= 1;
    this.skips.inc({ outcome: 'skipped' });
    return true;
  }

  /** What a count found when it let a registration be written (which took one seat of what it counted). */
  counted(ticketTypeId: string, limits: readonly LimitUsage[], now: Date): void {
    const free = Math.min(Infinity, ...limits.map(freeSeats)) - 1;
    this.hints.delete(ticketTypeId);
    if (free <= MARGIN || limits.some((limit) => limit.expired > 0)) return;
    remember(this.hints, KEPT, ticketTypeId, { free, countedUntil: now.getTime() + HINT_MS });
  }

  /** The seat check refused a registration written without a count: count the next ones. */
  refused(ticketTypeId: string): void {
    this.hints.delete(ticketTypeId);
    this.skips.inc({ outcome: 'refused' });
  }
}
