import { Injectable } from '@nestjs/common';
import { Clock } from '@lectern/clock/clock';
import { EventStatus, RegistrationState } from '@lectern/database/generated/enums';
import { DomainError } from '@lectern/errors/domain.error';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventRecord } from '@lectern/domains/events/events.repository';
import { freeSeats, isLockTimeout } from './inventory.repository';
import { newRegistrationRow } from './registration.policy';
import { RegistrationWriter } from './registration-writer.service';
import { RegistrationErrors } from './registrations.errors';
import { isInPersonClosed, seatRefusal } from './registrations.repository';
import { SeatRefusal } from './seat-rule.contract';
import { TicketTypesRepository } from './ticket-types.repository';
import { WaitlistService } from './waitlist.service';

/** Free tickets another domain grants (a scholarship's), inside that domain's transaction. */
@Injectable()
export class ComplimentaryRegistrationsService {
  constructor(
    private readonly ticketTypes: TicketTypesRepository,
    private readonly waitlist: WaitlistService,
    private readonly writer: RegistrationWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * A complimentary registration: confirmed and free for `recipient`, whatever the type's price, sales window or
   * visibility, and still subject to every seat limit. It joins the caller's transaction (call it inside
   * TransactionHost.run): the seat check runs when that transaction commits, so the caller passes a failed commit
   * to `commitRefusal`. A visibly full type, or a recipient who already holds an active registration, is refused
   * at once.
   */
  async create(
    actor: Actor,
    event: EventRecord,
    recipient: { userId: string; name: string; email: string },
    ticketTypeId: string,
  ): Promise<{ id: string }> {
    const now = this.clock.now();
    if (event.status !== EventStatus.PUBLISHED) throw RegistrationErrors.registrationClosed(event.status);
    const type = await this.ticketTypes.findType(event.id, ticketTypeId);
    if (!type) throw RegistrationErrors.ticketTypeNotFound();
    // The same queue discipline as a paid registration: people waiting for a freed seat are served first.
    const predicted = await this.waitlist.usageAfterQueue(event.id, type.id, now, actor.requestId, (l) => l.expired > 0 || (l.waiting && freeSeats(l) > 0));
    if (predicted.some((l) => freeSeats(l) <= 0)) throw RegistrationErrors.soldOut();
    const row = newRegistrationRow(
      {
        eventId: event.id,
        userId: recipient.userId,
        ticketTypeId: type.id,
        voucherId: null,
        state: RegistrationState.CONFIRMED,
        attendeeName: recipient.name,
        attendeeEmail: recipient.email,
        priceCents: 0,
        currency: type.currency,
        consentToReport: false,
      },
      now,
    );
    await this.writer.insert(actor, row, { complimentary: true, userId: recipient.userId });
    return { id: row.id };
  }

  /** What a failed transaction that granted or withdrew a complimentary registration means: a refusal, or null. */
  commitRefusal(error: unknown): DomainError | null {
    if (isLockTimeout(error)) return RegistrationErrors.busy();
    // an in-person seat of an edition that has moved online (its trigger refuses the insert)
    if (isInPersonClosed(error)) return RegistrationErrors.inPersonClosed();
    const refusal = seatRefusal(error);
    if (refusal === SeatRefusal.seatsExhausted) return RegistrationErrors.soldOut();
    return refusal ? RegistrationErrors.busy() : null;
  }
}
