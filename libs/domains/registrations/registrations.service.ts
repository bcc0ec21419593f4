import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import {
  CancelReason,
  EventStatus,
  RegistrationState,
  VoucherDiscount,
} from '@lectern/database/generated/client';
import { Statement, TransactionHost } from '@lectern/database/transaction.host';
import { DomainError } from '@lectern/errors/domain.error';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { EventRecord } from '@lectern/domains/events/events.repository';
import { EventErrors } from '@lectern/domains/events/events.errors';
import { IdempotencyRepository } from './idempotency.repository';
import { InventoryRepository, freeSeats, isLockTimeout } from './inventory.repository';
import { RegistrationErrors } from './registrations.errors';
import {
  RegistrationContext,
  RegistrationRecord,
  RegistrationRow,
  RegistrationsRepository,
  SelfDescribed,
  isActiveRegistrationConflict,
  seatRefusal,
} from './registrations.repository';
import { TicketTypesRepository } from './ticket-types.repository';
import { VoucherRecord, VouchersRepository } from './vouchers.repository';
import { WaitlistService } from './waitlist.service';
import { Actor, AuthUser } from "@lectern/domains/auth/auth.types";
import { canSeeEvent, EventAccess, isOrganiser } from '@lectern/domains/events/event-visibility.policy';
import { EventAccessService } from '@lectern/domains/events/event-access.service';
import { CreateRegistrationInput } from '@lectern/domains/registrations/registrations.types';
import { ListRegistrationsQuery } from '@lectern/domains/registrations/registrations.types';
import { UpdateRegistrationInput } from '@lectern/domains/registrations/registrations.types';
import { SELF_DESCRIBED_FIELDS } from './registrations.types';

/** How long a claimed Idempotency-Key blocks its twins before a crashed request's claim may be taken over. */
const IDEMPOTENCY_LEASE_MS = 60_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export interface CreateResult {
  status: number;
  /** The JSON text of the response, kept verbatim so that a replay is byte for byte the first response. */
  body: string;
  replayed: boolean;
}

export function toSummaryView(r: Omit<RegistrationRecord, 'eventId' | 'userId' | 'ticketTypeId' | 'voucherId' | 'badgeToken' | 'consentToReport' | keyof SelfDescribed>) {
  return {
    id: r.id,
    ticketType: r.ticketType,
    state: r.state,
    attendeeName: r.attendeeName,
    attendeeEmail: r.attendeeEmail,
    priceCents: r.priceCents,
    currency: r.currency,
    paidAt: r.paidAt,
    waitlistedAt: r.waitlistedAt,
    offerExpiresAt: r.offerExpiresAt,
    confirmedAt: r.confirmedAt,
    cancelledAt: r.cancelledAt,
    cancelReason: r.cancelReason,
    createdAt: r.createdAt,
  };
}

/** The owner's view: the badge while confirmed, and the self-described data they gave. */
export function toOwnerView(r: RegistrationRecord) {
  return {
    ...toSummaryView(r),
    eventId: r.eventId,
    badgeToken: r.state === RegistrationState.CONFIRMED ? r.badgeToken : null,
    consentToReport: r.consentToReport,
    selfDescribed: r.consentToReport
      ? {
          country: r.country,
          companyName: r.companyName,
          companySize: r.companySize,
          jobFunction: r.jobFunction,
          industry: r.industry,
          firstTimeAttendee: r.firstTimeAttendee,
          gender: r.gender,
        }
      : null,
  };
}

export function priceAfter(priceCents: number, voucher: VoucherRecord | null): number {
  if (!voucher) return priceCents;
  if (voucher.discount === VoucherDiscount.FREE) return 0;
  if (voucher.discount === VoucherDiscount.PERCENT) return Math.round((priceCents * (100 - voucher.discountValue)) / 100);
  return Math.max(0, priceCents - voucher.discountValue);
}

type NewRegistration = Pick<
  RegistrationRow,
  'eventId' | 'userId' | 'ticketTypeId' | 'voucherId' | 'state' | 'attendeeName' | 'attendeeEmail' | 'priceCents' | 'currency' | 'consentToReport'
> &
  SelfDescribed;

/** A new registration's row: a fresh id and badge, no self-described answer unless given, its state's time `now`. */
function newRegistrationRow(fields: NewRegistration, now: Date): RegistrationRow {
  return {
    id: randomUUID(),
    badgeToken: randomBytes(24).toString('base64url'),
    country: null,
    companyName: null,
    companySize: null,
    jobFunction: null,
    industry: null,
    firstTimeAttendee: null,
    gender: null,
    ...fields,
    attendeeEmail: fields.attendeeEmail.toLowerCase(),
    waitlistedAt: fields.state === RegistrationState.WAITLISTED ? now : null,
    confirmedAt: fields.state === RegistrationState.CONFIRMED ? now : null,
    createdAt: now,
  };
}

/** Canonical JSON (sorted keys), so the same body always hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

@Injectable()
export class RegistrationsService {
  constructor(
    private readonly access: EventAccessService,
    private readonly registrations: RegistrationsRepository,
    private readonly ticketTypes: TicketTypesRepository,
    private readonly vouchers: VouchersRepository,
    private readonly inventory: InventoryRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly waitlist: WaitlistService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Registers the caller. With an Idempotency-Key, the key is claimed first; the stored response is written in the
   * registration's own transaction, so a replay returns exactly what the first request returned and a failure
   * leaves nothing behind but a released claim.
   */
  async create(actor: Actor, slug: string, input: CreateRegistrationInput, idempotencyKey?: string): Promise<CreateResult> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) throw RegistrationErrors.idempotencyKeyInvalid();
    const now = this.clock.now();
    const context = await this.registrations.context(slug, actor.id, input.ticketTypeId, now);
    if (!context || !canSeeEvent(context.event, context.roles, actor)) throw EventErrors.notFound(slug);
    if (idempotencyKey === undefined) {
      return { status: 201, body: await this.register(actor, context, input, now), replayed: false };
    }
    const requestHash = createHash('sha256').update(canonical({ route: 'registrations.create', slug, body: input })).digest('hex');
    for (let attempt = 0; ; attempt += 1) {
      const claim = await this.idempotency.claim(actor.id, idempotencyKey, requestHash, now, new Date(now.getTime() + IDEMPOTENCY_LEASE_MS));
      if (claim.kind === 'gone' && attempt < 3) continue;
      if (claim.kind === 'stored' || claim.kind === 'in-flight') {
        if (claim.requestHash !== requestHash) throw RegistrationErrors.idempotencyKeyReused();
        if (claim.kind === 'in-flight') throw RegistrationErrors.idempotencyKeyInFlight();
        return { status: claim.status, body: claim.body, replayed: true };
      }
      if (claim.kind !== 'claimed') throw RegistrationErrors.idempotencyKeyInFlight();
      break;
    }
    const expiresAt = new Date(now.getTime() + this.config.registrations.idempotencyTtlSeconds * 1000);
    try {
      const body = await this.register(actor, context, input, now, (text) =>
        this.idempotency.completion(actor.id, idempotencyKey, 201, text, expiresAt),
      );
      return { status: 201, body, replayed: false };
    } catch (error) {
      await this.idempotency.release(actor.id, idempotencyKey);
      throw error;
    }
  }

  /**
   * Checks everything that needs no lock, refuses at once when the ticket type is visibly sold out, and otherwise
   * writes the registration for the state the count predicts. The seat-check trigger decides at commit, under the
   * locks of every limit involved (see the registration migration); when it disagrees, the attempt is rolled back
   * and made again for the state it found.
   */
  private async register(
    actor: Actor,
    context: RegistrationContext,
    input: CreateRegistrationInput,
    now: Date,
    completion?: (body: string) => Statement,
  ): Promise<string> {
    const { event, type } = context;
    if (event.status !== EventStatus.PUBLISHED) throw RegistrationErrors.registrationClosed(event.status);
    const selfDescribed = this.selfDescribed(input, input.consentToReport ?? false);
    if (!type) throw RegistrationErrors.ticketTypeNotFound();
    // the partial unique index decides; this only spares a registered attendee a misleading "sold out"
    if (context.registered) throw RegistrationErrors.alreadyRegistered();
    const voucher = input.voucherCode ? await this.usableVoucher(event.id, type.id, input.voucherCode, now) : null;
    if (type.hidden && !voucher) throw RegistrationErrors.ticketTypeNotFound();
    if ((type.salesStartAt && now < type.salesStartAt) || (type.salesEndAt && now >= type.salesEndAt)) {
      throw RegistrationErrors.notOnSale();
    }
    // An offer that ran out still stands for a place in the queue: settle the waiting list before counting, so a
    // newcomer never overtakes it, whenever the worker last ran.
    let predicted = context.limits;
    if (predicted.some((l) => l.expired > 0)) {
      await this.waitlist.processEvent(event.id, actor.requestId);
      predicted = await this.inventory.usage(event.id, type.id, now);
    }
    let full = predicted.some((l) => freeSeats(l) <= 0);
    if (full && !input.waitlist) throw RegistrationErrors.soldOut();

    const priceCents = priceAfter(type.priceCents, voucher);
    const ticketType = { id: type.id, name: type.name, nameZh: type.nameZh, category: type.category, attendance: type.attendance };
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
      const body = JSON.stringify(
        toOwnerView({ ...row, ticketType, paidAt: null, offerExpiresAt: null, cancelledAt: null, cancelReason: null }),
      );
      try {
        // one statement, one round trip: the seat check runs when it commits
        await this.tx.runAsOne([...this.creation(actor, row), ...(completion ? [completion(body)] : [])]);
        return body;
      } catch (error) {
        if (isActiveRegistrationConflict(error)) throw RegistrationErrors.alreadyRegistered();
        if (isLockTimeout(error)) throw RegistrationErrors.busy();
        const refusal = seatRefusal(error);
        if (!refusal) throw error;
        if (refusal === 'VOUCHER_EXHAUSTED') throw RegistrationErrors.voucherExhausted();
        if (attempt >= 4) throw RegistrationErrors.busy();
        if (refusal === 'WAITLIST_FIRST') {
          await this.waitlist.processEvent(event.id, actor.requestId);
        } else if (refusal === 'SOLD_OUT') {
          if (!input.waitlist) throw RegistrationErrors.soldOut();
          full = true;
        } else {
          full = false;
        }
      }
    }
  }

  /** A new registration's row with its audit entry and, when it is confirmed at once, its domain event. */
  private creation(actor: Actor, row: RegistrationRow, audited: Record<string, unknown> = {}): Statement[] {
    return [
      this.registrations.insertion(row),
      this.audit.entry({
        eventId: row.eventId,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'registration.created',
        entityType: 'registration',
        entityId: row.id,
        after: { state: row.state, ticketTypeId: row.ticketTypeId, voucherId: row.voucherId, priceCents: row.priceCents, ...audited },
      }),
      ...(row.state === RegistrationState.CONFIRMED
        ? [this.audit.events([{ type: 'registration.confirmed', payload: { eventId: row.eventId, registrationId: row.id } }])]
        : []),
    ];
  }

  /** The caller's newest registration for the event. */
  async mine(actor: AuthUser, slug: string) {
    const { event } = await this.visibleEvent(slug, actor);
    const found = await this.registrations.findLatestOf(event.id, actor.id);
    if (!found) throw RegistrationErrors.registrationNotFound();
    return toOwnerView(found);
  }

  async listMine(actor: AuthUser) {
    const rows = await this.registrations.listOfUser(actor.id);
    return rows.map(({ event, ...r }) => ({ ...toOwnerView(r), event }));
  }

  /** The owner sees everything they gave; organisers see the registration without the self-described data. */
  async get(actor: AuthUser, slug: string, id: string) {
    const { event, isOrganiser } = await this.visibleEvent(slug, actor);
    const found = await this.registrations.find(event.id, id);
    if (found && found.userId === actor.id) return toOwnerView(found);
    if (found && isOrganiser) return toSummaryView(found);
    throw RegistrationErrors.registrationNotFound();
  }

  /** The owner updates their details; without consent the self-described data is refused, and erased if withdrawn. */
  async update(actor: Actor, slug: string, id: string, input: UpdateRegistrationInput) {
    const { event } = await this.visibleEvent(slug, actor);
    const current = await this.registrations.find(event.id, id);
    if (!current || current.userId !== actor.id) throw RegistrationErrors.registrationNotFound();
    if (current.state === RegistrationState.CANCELLED) throw RegistrationErrors.alreadyCancelled();
    const consent = input.consentToReport ?? current.consentToReport;
    const selfDescribed = this.selfDescribed(input, consent);
    const erase = consent ? {} : Object.fromEntries(SELF_DESCRIBED_FIELDS.map((field) => [field, null]));
    return this.tx.run(async () => {
      const updated = await this.registrations.update(id, {
        attendeeName: input.attendeeName,
        attendeeEmail: input.attendeeEmail?.toLowerCase(),
        consentToReport: consent,
        ...selfDescribed,
        ...erase,
      });
      await this.audit.record({
        eventId: event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: consent ? 'registration.updated' : current.consentToReport ? 'registration.consent_withdrawn' : 'registration.updated',
        entityType: 'registration',
        entityId: id,
        // the self-described values stay out of the audit log: it is readable by organisers
        after: { fields: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined) },
      });
      return toOwnerView(updated);
    });
  }

  /**
   * Cancels (a voucher's uses are counted from live registrations, so its use comes back with it) and offers the
   * freed seat to the waiting list, in one transaction under the event's exclusive lock (a cancellation may free
   * seats in several limits at once).
   */
  async cancel(actor: Actor, slug: string, id: string) {
    const { event, isOrganiser } = await this.visibleEvent(slug, actor);
    const found = await this.registrations.find(event.id, id);
    const isOwner = found?.userId === actor.id;
    if (!found || (!isOwner && !isOrganiser)) throw RegistrationErrors.registrationNotFound();
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
   * A complimentary registration (a scholarship's free ticket): confirmed and free for `recipient`, whatever the
   * type's price, sales window or visibility, and still subject to every seat limit. It joins the caller's
   * transaction (call it inside TransactionHost.run): the seat check runs when that transaction commits, so the
   * caller passes a failed commit to `commitRefusal`. A visibly full type, or a recipient who already holds an
   * active registration, is refused at once.
   */
  async createComplimentary(
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
    let predicted = await this.inventory.usage(event.id, type.id, now);
    if (predicted.some((l) => l.expired > 0 || (l.waiting && freeSeats(l) > 0))) {
      await this.waitlist.processEvent(event.id, actor.requestId);
      predicted = await this.inventory.usage(event.id, type.id, now);
    }
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
    try {
      await this.tx.runAsOne(this.creation(actor, row, { complimentary: true, userId: recipient.userId }));
    } catch (error) {
      if (isActiveRegistrationConflict(error)) throw RegistrationErrors.alreadyRegistered();
      throw error;
    }
    return { id: row.id };
  }

  /**
   * Cancels a registration for another domain (a declined or revoked scholarship), inside the caller's transaction
   * when there is one, with the waiting list served as after any cancellation. A registration already cancelled
   * (say by its attendee) is left as it is; returns whether this call cancelled it.
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

  /** What a failed transaction that called createComplimentary or cancelOnBehalf means: a refusal, or null. */
  commitRefusal(error: unknown): DomainError | null {
    if (isLockTimeout(error)) return RegistrationErrors.busy();
    const refusal = seatRefusal(error);
    if (refusal === 'SOLD_OUT') return RegistrationErrors.soldOut();
    return refusal ? RegistrationErrors.busy() : null;
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

  /**
   * Takes up a waiting-list offer. The offer already holds the seat, so no seat is counted here; the row lock
   * orders this against the expiry, which only touches offers whose time is up.
   */
  async acceptOffer(actor: Actor, slug: string, id: string) {
    const { event } = await this.visibleEvent(slug, actor);
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

  async list(access: EventAccess, query: ListRegistrationsQuery) {
    const limit = query.limit ?? 50;
    const rows = await this.registrations.listPage(
      access.event.id,
      { state: query.state, ticketTypeId: query.ticketTypeId, search: query.q },
      limit,
      decodeKeyset(query.cursor),
    );
    const { page, nextCursor } = keysetPage(rows, limit, (r) => r.createdAt);
    return { items: page.map(({ _count, ...r }) => ({ ...toSummaryView(r), checkIns: _count.checkIns })), nextCursor };
  }

  /** Every registration matching the filter as CSV, read page by page (a bounded number of queries per page). */
  async exportCsv(access: EventAccess, query: ListRegistrationsQuery): Promise<string> {
    const header = ['id', 'state', 'attendee_name', 'attendee_email', 'ticket_type', 'category', 'attendance',
      'price_cents', 'currency', 'paid_at', 'confirmed_at', 'cancelled_at', 'cancel_reason', 'check_ins', 'created_at'];
    const lines = [header.join(',')];
    let cursor: string | undefined;
    do {
      const page = await this.list(access, { ...query, limit: 200, cursor });
      for (const r of page.items) {
        lines.push(
          [r.id, r.state, r.attendeeName, r.attendeeEmail, r.ticketType.name, r.ticketType.category, r.ticketType.attendance,
            r.priceCents, r.currency, r.paidAt, r.confirmedAt, r.cancelledAt, r.cancelReason, r.checkIns, r.createdAt]
            .map(csvCell)
            .join(','),
        );
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return `${lines.join('\r\n')}\r\n`;
  }

  /** The event as the caller may see it (drafts only with a role), and whether they organise it. */
  private async visibleEvent(slug: string, user: AuthUser) {
    const { event, roles } = await this.access.access(slug, user);
    return { event, isOrganiser: isOrganiser(roles, user) };
  }

  private async usableVoucher(eventId: string, ticketTypeId: string, code: string, now: Date) {
    const voucher = await this.vouchers.findByCode(eventId, code);
    if (!voucher) throw RegistrationErrors.voucherNotFound();
    if (voucher.ticketTypeId !== ticketTypeId) throw RegistrationErrors.voucherWrongTicketType();
    if ((voucher.validFrom && now < voucher.validFrom) || (voucher.validUntil && now >= voucher.validUntil)) {
      throw RegistrationErrors.voucherNotValidNow();
    }
    return voucher;
  }

  /** The self-described values sent; refused unless the (resulting) consent is given. */
  private selfDescribed(input: SelfDescribed, consent: boolean): SelfDescribed {
    const given = SELF_DESCRIBED_FIELDS.filter((field) => input[field] !== undefined);
    if (!consent) {
      const sent = given.filter((field) => input[field] !== null);
      if (sent.length > 0) throw RegistrationErrors.consentRequired(sent);
      return {};
    }
    return Object.fromEntries(given.map((field) => [field, input[field]])) as SelfDescribed;
  }
}

/** Quotes every cell, and defuses cells a spreadsheet would run as a formula. */
function csvCell(value: unknown): string {
  let text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}
