import { Injectable } from '@nestjs/common';
import { Clock } from '@lectern/clock/clock';
import { EventStatus, RegistrationState } from '@lectern/database/generated/enums';
import { AuthErrors } from '@lectern/domains/auth/auth.errors';
import { Actor, Caller } from '@lectern/domains/auth/auth.types';
import { EventErrors } from '@lectern/domains/events/events.errors';
import { canSeeEvent } from '@lectern/domains/events/event-visibility.policy';
import { Completion, IdempotencyService, IdempotentResult } from './idempotency.service';
import { freeSeats, isLockTimeout } from './inventory.repository';
import { newRegistrationIdentity, newRegistrationRow, priceAfter, selfDescribedOf } from './registration.policy';
import { toOwnerView } from './registration.views';
import { RegistrationWriter } from './registration-writer.service';
import { RegistrationErrors } from './registrations.errors';
import {
  EagerRegistrationRow,
  RegistrationContext,
  RegistrationRow,
  RegistrationsRepository,
  isActiveRegistrationConflict,
  isInPersonClosed,
  seatRefusal,
} from './registrations.repository';
import { CreateRegistrationInput, SELF_DESCRIBED_FIELDS } from './registrations.types';
import { SeatHints } from './seat-hints.service';
import { SeatRefusal } from './seat-rule.contract';
import { VouchersService } from './vouchers.service';
import { WaitlistService } from './waitlist.service';

/** The JSON text of the response to the attendee who wrote `row`. */
function ownerBody(row: RegistrationRow, type: NonNullable<RegistrationContext['type']>): string {
  const ticketType = { id: type.id, name: type.name, category: type.category, attendance: type.attendance };
  return JSON.stringify(toOwnerView({ ...row, ticketType, paidAt: null, offerExpiresAt: null, cancelledAt: null, cancelReason: null }));
}

/** An attendee registers: a seat, a waiting-list entry, or a refusal. */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly vouchers: VouchersService,
    private readonly waitlist: WaitlistService,
    private readonly idempotency: IdempotencyService,
    private readonly writer: RegistrationWriter,
    private readonly seatHints: SeatHints,
    private readonly clock: Clock,
  ) {}

  /**
   * Registers the caller, once per Idempotency-Key when one is given (see IdempotencyService). The caller's account
   * is read with everything else (the route is AccountReadByRoute): a token whose user is gone is refused here.
   * Without a key or a voucher, the statement that reads all that also writes the registration when nothing is left
   * to decide (RegistrationsRepository.context): one round trip, which skips counting the seats while SeatHints
   * knows there are plenty. Whatever it does not write, or writes and the seat check refuses at commit, is read
   * again with the count and decided by `register` as before.
   */
  async create(caller: Caller, slug: string, input: CreateRegistrationInput, idempotencyKey?: string): Promise<IdempotentResult> {
    this.idempotency.assertValidKey(idempotencyKey);
    const now = this.clock.now();
    const eager = idempotencyKey === undefined ? this.eagerRow(caller, input, now) : null;
    const countSeats = !eager || !this.seatHints.skipCount(input.ticketTypeId, now);
    let context = await this.registrations
      .context(slug, caller.id, input.ticketTypeId, now, eager ? { row: eager, also: this.writer.eagerCreation(caller), countSeats } : undefined)
      .catch((error: unknown) => {
        if (isLockTimeout(error)) throw RegistrationErrors.busy();
        if (!eager || !(seatRefusal(error) || isInPersonClosed(error) || isActiveRegistrationConflict(error))) throw error;
        if (!countSeats && seatRefusal(error)) this.seatHints.refused(input.ticketTypeId);
        return null;
      });
    // not written without a count: the rules below need the count
    if (!countSeats && !context?.created) context = null;
    // refused at commit: read again and let the rules below decide, as after any refused write
    context ??= eager ? await this.registrations.context(slug, caller.id, input.ticketTypeId, now) : null;
    if (!context) throw AuthErrors.tokenInvalid();
    const actor: Actor = { ...context.account, requestId: caller.requestId };
    if (!context.event || !canSeeEvent(context.event, context.roles, actor)) throw EventErrors.notFound(slug);
    if (eager && context.created && context.type) {
      const { type, created } = context;
      if (countSeats) this.seatHints.counted(type.id, context.limits, now);
      const { id, badgeToken, createdAt, ...fields } = eager;
      const row = newRegistrationRow({ ...fields, ...created, eventId: context.event.id, ticketTypeId: type.id, voucherId: null }, createdAt, { id, badgeToken });
      return { status: 201, body: ownerBody(row, type), replayed: false };
    }
    const found = { ...context, event: context.event };
    return this.idempotency.once(actor.id, idempotencyKey, { route: 'registrations.create', slug, body: input }, now, 201, (completion) =>
      this.register(actor, found, input, now, completion),
    );
  }

  /**
   * What a registration's row can hold before its ticket type is read, when the request leaves nothing to decide
   * but the type and the seats: no voucher, and self-described data only with consent. Null otherwise.
   */
  private eagerRow(caller: Caller, input: CreateRegistrationInput, now: Date): EagerRegistrationRow | null {
    const consent = input.consentToReport ?? false;
    if (input.voucherCode || (!consent && SELF_DESCRIBED_FIELDS.some((field) => input[field] !== undefined && input[field] !== null))) return null;
    return {
      ...selfDescribedOf(input, consent),
      ...newRegistrationIdentity(),
      userId: caller.id,
      attendeeName: input.attendeeName,
      attendeeEmail: input.attendeeEmail?.toLowerCase() ?? null,
      consentToReport: consent,
      createdAt: now,
    };
  }

  /**
   * Checks everything that needs no lock, refuses at once when the ticket type is visibly sold out, and otherwise
   * writes the registration for the state the count predicts. The seat check decides at commit, under the locks
   * of every limit involved (sql/seat-rule.sql); when it disagrees, the attempt is rolled back and made again for
   * the state it found.
   */
  private async register(
    actor: Actor,
    context: RegistrationContext & { event: NonNullable<RegistrationContext['event']> },
    input: CreateRegistrationInput,
    now: Date,
    completion?: Completion,
  ): Promise<string> {
    const { event, type } = context;
    if (event.status !== EventStatus.PUBLISHED) throw RegistrationErrors.registrationClosed(event.status);
    const selfDescribed = selfDescribedOf(input, input.consentToReport ?? false);
    if (!type) throw RegistrationErrors.ticketTypeNotFound();
    // the partial unique index decides; this only spares a registered attendee a misleading "sold out"
    if (context.registered) throw RegistrationErrors.alreadyRegistered();
    const voucher = input.voucherCode ? await this.vouchers.redeemable(event.id, type.id, input.voucherCode, now) : null;
    if (type.hidden && !voucher) throw RegistrationErrors.ticketTypeNotFound();
    if ((type.salesStartAt && now < type.salesStartAt) || (type.salesEndAt && now >= type.salesEndAt)) {
      throw RegistrationErrors.notOnSale();
    }
    const predicted = await this.waitlist.usageAfterQueue(event.id, type.id, now, actor.requestId, (l) => l.expired > 0, context.limits);
    let full = predicted.some((l) => freeSeats(l) <= 0);
    if (full && !input.waitlist) throw RegistrationErrors.soldOut();

    const priceCents = priceAfter(type.priceCents, voucher);
    for (let attempt = 0; ; attempt += 1) {
      const state = full ? RegistrationState.WAITLISTED : priceCents === 0 ? RegistrationState.CONFIRMED : RegistrationState.PENDING;
      const row = newRegistrationRow(
        {
          eventId: event.id,
          userId: actor.id,
          ticketTypeId: type.id,
          voucherId: voucher?.id ?? null,
          state,
          attendeeName: input.attendeeName,
          attendeeEmail: input.attendeeEmail ?? actor.email,
          priceCents,
          currency: type.currency,
          consentToReport: input.consentToReport ?? false,
          ...selfDescribed,
        },
        now,
      );
      const body = ownerBody(row, type);
      try {
        await this.writer.insert(actor, row, {}, completion ? [completion(body)] : []);
        return body;
      } catch (error) {
        if (isLockTimeout(error)) throw RegistrationErrors.busy();
        if (isInPersonClosed(error)) throw RegistrationErrors.inPersonClosed();
        const refusal = seatRefusal(error);
        if (!refusal) throw error;
        if (refusal === SeatRefusal.voucherExhausted) throw RegistrationErrors.voucherExhausted();
        if (attempt >= 4) throw RegistrationErrors.busy();
        if (refusal === SeatRefusal.waitlistFirst) {
          await this.waitlist.processEvent(event.id, actor.requestId);
        } else if (refusal === SeatRefusal.seatsExhausted) {
          if (!input.waitlist) throw RegistrationErrors.soldOut();
          full = true;
        } else {
          full = false;
        }
      }
    }
  }
}
