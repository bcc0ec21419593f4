import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../../../../libs/audit/audit.repository';
import { Clock } from '../../../../libs/clock/clock';
import { AppConfig } from '../../../../libs/config/config';
import { APP_CONFIG } from '../../../../libs/config/config.module';
import {
  Attendance,
  CancelReason,
  EventRole,
  EventStatus,
  RegistrationState,
  VoucherDiscount,
} from '../../../../libs/database/generated/client';
import { TransactionHost } from '../../../../libs/database/transaction.host';
import { Actor, AuthUser } from '../http/auth.decorators';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { EventAccess } from '../events/event-access.guard';
import { EventRecord, EventsRepository } from '../events/events.repository';
import { EventErrors } from '../events/events.errors';
import { IdempotencyRepository } from './idempotency.repository';
import { InventoryRepository, LimitUsage, freeSeats, isActiveRegistrationConflict, isLockTimeout } from './inventory.repository';
import {
  CreateRegistrationDto,
  ListRegistrationsQueryDto,
  SELF_DESCRIBED_FIELDS,
  UpdateRegistrationDto,
} from './registrations.dto';
import { RegistrationErrors } from './registrations.errors';
import { RegistrationRecord, RegistrationsRepository, SelfDescribed } from './registrations.repository';
import { TicketTypeRecord, TicketTypesRepository } from './ticket-types.repository';
import { VoucherRecord, VouchersRepository } from './vouchers.repository';
import { WaitlistService } from './waitlist.service';

/** How long a claimed Idempotency-Key blocks its twins before a crashed request's claim may be taken over. */
const IDEMPOTENCY_LEASE_MS = 60_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Rolls a registration attempt back; `register` reads from the use seen under the locks what to do next. */
class SeatNotTaken extends Error {
  constructor(readonly limits: LimitUsage[]) {
    super('seat not taken');
  }
}

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
    private readonly registrations: RegistrationsRepository,
    private readonly ticketTypes: TicketTypesRepository,
    private readonly vouchers: VouchersRepository,
    private readonly inventory: InventoryRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly events: EventsRepository,
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
  async create(actor: Actor, slug: string, input: CreateRegistrationDto, idempotencyKey?: string): Promise<CreateResult> {
    const { event } = await this.visibleEvent(slug, actor);
    if (idempotencyKey === undefined) {
      return { status: 201, body: await this.register(actor, event, input), replayed: false };
    }
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) throw RegistrationErrors.idempotencyKeyInvalid();
    const requestHash = createHash('sha256').update(canonical({ route: 'registrations.create', slug, body: input })).digest('hex');
    const now = this.clock.now();
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
      const body = await this.register(actor, event, input, (text) =>
        this.idempotency.complete(actor.id, idempotencyKey, 201, text, expiresAt),
      );
      return { status: 201, body, replayed: false };
    } catch (error) {
      await this.idempotency.release(actor.id, idempotencyKey);
      throw error;
    }
  }

  /**
   * Checks everything that needs no lock first, refuses early when the ticket type is visibly sold out, then
   * counts and takes the seat under the advisory locks of every limit involved, in one transaction.
   */
  private async register(
    actor: Actor,
    event: EventRecord,
    input: CreateRegistrationDto,
    beforeCommit?: (body: string) => Promise<void>,
  ): Promise<string> {
    const now = this.clock.now();
    if (event.status !== EventStatus.PUBLISHED) throw RegistrationErrors.registrationClosed(event.status);
    const selfDescribed = this.selfDescribed(input, input.consentToReport ?? false);
    const type = await this.ticketTypes.findType(event.id, input.ticketTypeId);
    if (!type) throw RegistrationErrors.ticketTypeNotFound();
    const voucher = input.voucherCode ? await this.usableVoucher(event.id, type, input.voucherCode, now) : null;
    if (type.hidden && !voucher) throw RegistrationErrors.ticketTypeNotFound();
    if ((type.salesStartAt && now < type.salesStartAt) || (type.salesEndAt && now >= type.salesEndAt)) {
      throw RegistrationErrors.notOnSale();
    }
    const early = await this.inventory.usage(event.id, type.id, now);
    let full = early.some((limit) => freeSeats(limit) <= 0 && limit.expired === 0);
    if (full && !input.waitlist) throw RegistrationErrors.soldOut();

    const priceCents = priceAfter(type.priceCents, voucher);
    const base = {
      eventId: event.id,
      userId: actor.id,
      ticketTypeId: type.id,
      voucherId: voucher?.id ?? null,
      attendeeName: input.attendeeName,
      attendeeEmail: (input.attendeeEmail ?? actor.email).toLowerCase(),
      priceCents,
      currency: type.currency,
      paidAt: null,
      consentToReport: input.consentToReport ?? false,
      country: null,
      companyName: null,
      companySize: null,
      jobFunction: null,
      industry: null,
      firstTimeAttendee: null,
      gender: null,
      ...selfDescribed,
      offerExpiresAt: null,
      cancelledAt: null,
      cancelReason: null,
      createdAt: now,
      ticketType: { id: type.id, name: type.name, nameZh: type.nameZh, category: type.category, attendance: type.attendance },
    };
    let held = {
      capacity: type.attendance === Attendance.IN_PERSON && event.capacity !== null,
      quotaIds: type.quotas.filter((q) => q.quota.size !== null).map((q) => q.quotaId),
    };
    let waitlistProcessed = false;
    for (let attempt = 0; ; attempt += 1) {
      const state = full ? RegistrationState.WAITLISTED : priceCents === 0 ? RegistrationState.CONFIRMED : RegistrationState.PENDING;
      const record: RegistrationRecord = {
        ...base,
        id: randomUUID(),
        state,
        badgeToken: randomBytes(24).toString('base64url'),
        waitlistedAt: state === RegistrationState.WAITLISTED ? now : null,
        confirmedAt: state === RegistrationState.CONFIRMED ? now : null,
      };
      const body = JSON.stringify(toOwnerView(record));
      try {
        return await this.tx.run(async () => {
          // Everything that does not depend on the count is written before the locks are taken, for the state
          // the early count predicts; if the count under the locks disagrees, the transaction rolls back.
          await this.audit.record({
            eventId: event.id,
            actorId: actor.id,
            requestId: actor.requestId,
            action: 'registration.created',
            entityType: 'registration',
            entityId: record.id,
            after: { state, ticketTypeId: type.id, voucherId: record.voucherId, priceCents },
          });
          if (state === RegistrationState.CONFIRMED) {
            await this.audit.publish('registration.confirmed', { eventId: event.id, registrationId: record.id });
          }
          if (beforeCommit) await beforeCommit(body);

          await this.inventory.lock({ eventId: event.id, ...held });
          // a voucher row is only ever locked after the advisory locks, never before (see InventoryRepository.lock)
          if (voucher && !(await this.vouchers.redeem(voucher.id))) throw RegistrationErrors.voucherExhausted();
          const result = await this.inventory.takeSeat(held, record, { now, waitlistProcessed });
          if (!result.inserted) throw new SeatNotTaken(result.limits);
          return body;
        });
      } catch (error) {
        if (!(error instanceof SeatNotTaken)) {
          if (isActiveRegistrationConflict(error)) throw RegistrationErrors.alreadyRegistered();
          if (isLockTimeout(error)) throw RegistrationErrors.busy();
          throw error;
        }
        const limits = error.limits;
        if (attempt >= 4) throw RegistrationErrors.busy();
        if (limits.some((l) => l.size !== null && (l.kind === 'capacity' ? !held.capacity : !held.quotaIds.includes(l.id)))) {
          held = {
            capacity: limits.some((l) => l.kind === 'capacity' && l.size !== null),
            quotaIds: limits.filter((l) => l.kind === 'quota' && l.size !== null).map((l) => l.id),
          };
          continue;
        }
        if (!waitlistProcessed && limits.some((l) => l.expired > 0 || (l.waiting && freeSeats(l) > 0))) {
          await this.waitlist.processEvent(event.id, actor.requestId);
          waitlistProcessed = true;
          continue;
        }
        full = limits.some((l) => freeSeats(l) <= 0);
        if (full && !input.waitlist) throw RegistrationErrors.soldOut();
      }
    }
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
  async update(actor: Actor, slug: string, id: string, input: UpdateRegistrationDto) {
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
   * Cancels, gives any voucher use back and offers the freed seat to the waiting list, all in one transaction
   * under the event's exclusive lock (a cancellation may free seats in several limits at once).
   */
  async cancel(actor: Actor, slug: string, id: string) {
    const { event, isOrganiser } = await this.visibleEvent(slug, actor);
    const found = await this.registrations.find(event.id, id);
    const isOwner = found?.userId === actor.id;
    if (!found || (!isOwner && !isOrganiser)) throw RegistrationErrors.registrationNotFound();
    const now = this.clock.now();
    try {
      return await this.tx.run(async () => {
        await this.inventory.lock({ eventId: event.id, exclusiveEvent: true });
        const row = await this.registrations.lockRow(event.id, id);
        if (!row) throw RegistrationErrors.registrationNotFound();
        if (row.state === RegistrationState.CANCELLED) throw RegistrationErrors.alreadyCancelled();
        const cancelled = await this.registrations.cancel(id, isOwner ? CancelReason.ATTENDEE : CancelReason.ORGANISER, now);
        if (cancelled.voucherId) await this.vouchers.release(cancelled.voucherId);
        await this.audit.record({
          eventId: event.id,
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'registration.cancelled',
          entityType: 'registration',
          entityId: id,
          before: { state: row.state },
          after: { state: cancelled.state, cancelReason: cancelled.cancelReason },
        });
        await this.audit.publish('registration.cancelled', { eventId: event.id, registrationId: id });
        await this.waitlist.processLocked(event.id, now, actor.requestId);
        return isOwner ? toOwnerView(cancelled) : toSummaryView(cancelled);
      });
    } catch (error) {
      if (isLockTimeout(error)) throw RegistrationErrors.busy();
      throw error;
    }
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
      });
      await this.audit.record({
        eventId: event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'registration.offer_accepted',
        entityType: 'registration',
        entityId: id,
        before: { state: RegistrationState.WAITLISTED },
        after: { state },
      });
      if (state === RegistrationState.CONFIRMED) {
        await this.audit.publish('registration.confirmed', { eventId: event.id, registrationId: id });
      }
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
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'registration.marked_paid',
        entityType: 'registration',
        entityId: id,
        before: { state: row.state },
        after: { state: updated.state, paidAt: now.toISOString() },
      });
      await this.audit.publish('registration.confirmed', { eventId: access.event.id, registrationId: id });
      return toSummaryView(updated);
    });
  }

  async list(access: EventAccess, query: ListRegistrationsQueryDto) {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor, ['string', 'string']) : undefined;
    const rows = await this.registrations.listPage(
      access.event.id,
      { state: query.state, ticketTypeId: query.ticketTypeId, search: query.q },
      limit,
      after ? { createdAt: new Date(after[0] as string), id: after[1] as string } : undefined,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ _count, ...r }) => ({ ...toSummaryView(r), checkIns: _count.checkIns })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  /** Every registration matching the filter as CSV, read page by page (a bounded number of queries per page). */
  async exportCsv(access: EventAccess, query: ListRegistrationsQueryDto): Promise<string> {
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
    const found = await this.events.findWithRoles(slug, user.id);
    if (!found || (found.status === EventStatus.DRAFT && !user.isAdmin && found.roleGrants.length === 0)) {
      throw EventErrors.notFound(slug);
    }
    const { roleGrants, ...event } = found;
    return { event, isOrganiser: user.isAdmin || roleGrants.some((g) => g.role === EventRole.ORGANISER) };
  }

  private async usableVoucher(eventId: string, type: TicketTypeRecord, code: string, now: Date) {
    const voucher = await this.vouchers.findByCode(eventId, code);
    if (!voucher) throw RegistrationErrors.voucherNotFound();
    if (voucher.ticketTypeId !== type.id) throw RegistrationErrors.voucherWrongTicketType();
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
