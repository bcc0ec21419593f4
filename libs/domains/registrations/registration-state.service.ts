import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { RegistrationState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccessService } from '@lectern/domains/events/event-access.service';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { toOwnerView, toSummaryView } from './registration.views';
import { RegistrationErrors } from './registrations.errors';
import { RegistrationsRepository } from './registrations.repository';

/** A registration moves towards a confirmed seat: a waiting-list offer taken up, a payment recorded. */
@Injectable()
export class RegistrationStateService {
  constructor(
    private readonly access: EventAccessService,
    private readonly registrations: RegistrationsRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /**
   * Takes up a waiting-list offer. The offer already holds the seat, so no seat is counted here; the row lock
   * orders this against the expiry, which only touches offers whose time is up.
   */
  async acceptOffer(actor: Actor, slug: string, id: string) {
    const { event } = await this.access.access(slug, actor);
    const found = await this.registrations.find(event.id, id);
    if (!found || found.userId !== actor.id) throw RegistrationErrors.registrationNotFound();
    const now = this.clock.now();
    return this.tx.run(async () => {
      const row = await this.registrations.lockRow(event.id, id);
      if (!row || row.state !== RegistrationState.WAITLISTED || !row.offerExpiresAt || row.offerExpiresAt <= now) {
        throw RegistrationErrors.noOffer();
      }
      const state = found.priceCents === 0 ? RegistrationState.CONFIRMED : RegistrationState.PENDING;
      const updated = await this.registrations.update(id, {
        state,
        offerExpiresAt: null,
        confirmedAt: state === RegistrationState.CONFIRMED ? now : null,
        updatedAt: now,
      });
      await this.audit.record(
        {
          eventId: event.id,
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'registration.offer_accepted',
          entityType: 'registration',
          entityId: id,
          before: { state: RegistrationState.WAITLISTED },
          after: { state },
        },
        ...(state === RegistrationState.CONFIRMED
          ? [{ type: 'registration.confirmed' as const, payload: { eventId: event.id, registrationId: id } }]
          : []),
      );
      return toOwnerView(updated);
    });
  }

  /** An organiser records the payment of a pending registration, which confirms it. */
  async markPaid(actor: Actor, access: EventAccess, id: string) {
    const now = this.clock.now();
    return this.tx.run(async () => {
      const row = await this.registrations.lockRow(access.event.id, id);
      if (!row) throw RegistrationErrors.registrationNotFound();
      if (row.state !== RegistrationState.PENDING) throw RegistrationErrors.notPending(row.state);
      const updated = await this.registrations.update(id, { state: RegistrationState.CONFIRMED, paidAt: now, confirmedAt: now });
      await this.audit.record(
        {
          eventId: access.event.id,
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'registration.marked_paid',
          entityType: 'registration',
          entityId: id,
          before: { state: row.state },
          after: { state: updated.state, paidAt: now.toISOString() },
        },
        { type: 'registration.confirmed', payload: { eventId: access.event.id, registrationId: id } },
      );
      return toSummaryView(updated);
    });
  }
}
