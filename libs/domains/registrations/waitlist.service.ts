import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { TransactionHost } from '@lectern/database/transaction.host';
import { InventoryRepository, LimitUsage, freeSeats } from './inventory.repository';
import { RegistrationsRepository } from './registrations.repository';

export interface WaitlistResult {
  expired: number;
  offered: number;
}

/**
 * The waiting list: a freed seat goes to the longest-waiting person whose ticket type fits, as an offer that holds
 * the seat until it expires; an expired offer is cancelled and its seat offered to the next person. Runs after a
 * cancellation, on the worker's schedule, and lazily before a registration that would otherwise jump the queue,
 * so no outcome depends on when the schedule fires.
 */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly inventory: InventoryRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  processEvent(eventId: string, requestId: string | null = null): Promise<WaitlistResult> {
    const now = this.clock.now();
    return this.tx.run(async () => {
      await this.inventory.lockEvent(eventId);
      return this.processLocked(eventId, now, requestId);
    });
  }

  /**
   * The use of a ticket type's limits as a newcomer meets them. An offer that ran out still stands for a place in
   * the queue, and so may someone waiting for a seat that is free: where `unserved` finds such a limit, the waiting
   * list is served before counting again, so a newcomer never overtakes anyone, whenever the worker last ran.
   * `predicted` spares the first count when the caller has it already.
   */
  async usageAfterQueue(
    eventId: string,
    ticketTypeId: string,
    now: Date,
    requestId: string | null,
    unserved: (limit: LimitUsage) => boolean,
    predicted?: LimitUsage[],
  ): Promise<LimitUsage[]> {
    const limits = predicted ?? (await this.inventory.usage(eventId, ticketTypeId, now));
    if (!limits.some(unserved)) return limits;
    await this.processEvent(eventId, requestId);
    return this.inventory.usage(eventId, ticketTypeId, now);
  }

  /** Every event with waiting-list work, each in its own transaction; what the worker's job runs. */
  async processDue(): Promise<WaitlistResult & { events: number }> {
    const eventIds = await this.inventory.eventsWithWaitlistWork(this.clock.now());
    const total = { events: eventIds.length, expired: 0, offered: 0 };
    for (const eventId of eventIds) {
      const result = await this.processEvent(eventId);
      total.expired += result.expired;
      total.offered += result.offered;
    }
    return total;
  }

  /** The caller's transaction holds the event's exclusive lock. */
  async processLocked(eventId: string, now: Date, requestId: string | null): Promise<WaitlistResult> {
    const expired = await this.registrations.expireOffers(eventId, now);
    for (const entry of expired) {
      await this.audit.record(
        {
          eventId,
          requestId,
          action: 'registration.offer_expired',
          entityType: 'registration',
          entityId: entry.id,
          before: { state: 'WAITLISTED' },
          after: { state: 'CANCELLED', cancelReason: 'OFFER_EXPIRED' },
        },
        { type: 'registration.cancelled', payload: { eventId, registrationId: entry.id } },
      );
    }

    const limits = await this.inventory.usage(eventId, null, now);
    const free = limits.map(freeSeats);
    const expiresAt = new Date(now.getTime() + this.config.registrations.offerTtlSeconds * 1000);
    let offered = 0;
    for (;;) {
      const blocked = new Set(limits.flatMap((limit, i) => (free[i] <= 0 ? limit.types : [])));
      const next = await this.registrations.nextWaiting(eventId, [...blocked]);
      if (!next) break;
      await this.registrations.offer(next.id, expiresAt, now);
      limits.forEach((limit, i) => {
        if (limit.types.includes(next.ticketTypeId)) free[i] -= 1;
      });
      await this.audit.record(
        {
          eventId,
          requestId,
          action: 'registration.waitlist_offered',
          entityType: 'registration',
          entityId: next.id,
          after: { offerExpiresAt: expiresAt.toISOString() },
        },
        { type: 'waitlist.offered', payload: { eventId, registrationId: next.id, expiresAt: expiresAt.toISOString() } },
      );
      offered += 1;
    }
    return { expired: expired.length, offered };
  }
}
