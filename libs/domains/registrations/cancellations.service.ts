import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { CancelReason, RegistrationState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccessService } from '@lectern/domains/events/event-access.service';
import { isOrganiser } from '@lectern/domains/events/event-visibility.policy';
import { InventoryRepository, isLockTimeout } from './inventory.repository';
import { toOwnerView, toSummaryView } from './registration.views';
import { RegistrationErrors } from './registrations.errors';
import { RegistrationsRepository } from './registrations.repository';
import { WaitlistService } from './waitlist.service';

/**
 * Cancellations, by the attendee, an organiser or another domain. A voucher's uses are counted from live
 * registrations, so its use comes back with the seat; the freed seats go to the waiting list at once, in the
 * same transaction under the event's exclusive lock (a cancellation may free seats in several limits at once).
 */
@Injectable()
export class CancellationsService {
  constructor(
    private readonly access: EventAccessService,
    private readonly registrations: RegistrationsRepository,
    private readonly inventory: InventoryRepository,
    private readonly waitlist: WaitlistService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** Its attendee or an organiser cancels; the attendee gets their own view back, an organiser the summary. */
  async cancel(actor: Actor, slug: string, id: string) {
    const { event, roles } = await this.access.access(slug, actor);
    const found = await this.registrations.find(event.id, id);
    const isOwner = found?.userId === actor.id;
    if (!found || (!isOwner && !isOrganiser(roles, actor))) throw RegistrationErrors.registrationNotFound();
    const now = this.clock.now();
    try {
      return await this.tx.run(async () => {
        await this.inventory.lockEvent(event.id);
        const row = await this.registrations.lockRow(event.id, id);
        if (!row) throw RegistrationErrors.registrationNotFound();
        if (row.state === RegistrationState.CANCELLED) throw RegistrationErrors.alreadyCancelled();
        const reason = isOwner ? CancelReason.ATTENDEE : CancelReason.ORGANISER;
        const cancelled = await this.cancelLocked(actor, event.id, id, row.state, reason, now);
        return isOwner ? toOwnerView(cancelled) : toSummaryView(cancelled);
      });
    } catch (error) {
      if (isLockTimeout(error)) throw RegistrationErrors.busy();
      throw error;
    }
  }

  /**
   * Cancels a registration for another domain (a declined or revoked scholarship), inside the caller's transaction
   * when there is one (a failed commit means what ComplimentaryRegistrationsService.commitRefusal says). A
   * registration already cancelled (say by its attendee) is left as it is; returns whether this call cancelled it.
   */
  async cancelOnBehalf(actor: Actor, eventId: string, id: string, reason: CancelReason): Promise<boolean> {
    const now = this.clock.now();
    return this.tx.run(async () => {
      await this.inventory.lockEvent(eventId);
      const row = await this.registrations.lockRow(eventId, id);
      if (!row || row.state === RegistrationState.CANCELLED) return false;
      await this.cancelLocked(actor, eventId, id, row.state, reason, now);
      return true;
    });
  }

  /** The caller's transaction holds the event's exclusive lock and the registration's row lock. */
  private async cancelLocked(actor: Actor, eventId: string, id: string, from: RegistrationState, reason: CancelReason, now: Date) {
    const cancelled = await this.registrations.cancel(id, reason, now);
    await this.audit.record(
      {
        eventId,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'registration.cancelled',
        entityType: 'registration',
        entityId: id,
        before: { state: from },
        after: { state: cancelled.state, cancelReason: cancelled.cancelReason },
      },
      { type: 'registration.cancelled', payload: { eventId, registrationId: id } },
    );
    await this.waitlist.processLocked(eventId, now, actor.requestId);
    return cancelled;
  }
}
