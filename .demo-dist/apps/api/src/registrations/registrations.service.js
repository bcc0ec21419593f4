"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RegistrationsService = void 0;
exports.toSummaryView = toSummaryView;
exports.toOwnerView = toOwnerView;
exports.priceAfter = priceAfter;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const config_module_1 = require("../../../../libs/config/config.module");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const cursor_1 = require("../http/cursor");
const events_repository_1 = require("../events/events.repository");
const events_errors_1 = require("../events/events.errors");
const idempotency_repository_1 = require("./idempotency.repository");
const inventory_repository_1 = require("./inventory.repository");
const registrations_dto_1 = require("./registrations.dto");
const registrations_errors_1 = require("./registrations.errors");
const registrations_repository_1 = require("./registrations.repository");
const ticket_types_repository_1 = require("./ticket-types.repository");
const vouchers_repository_1 = require("./vouchers.repository");
const waitlist_service_1 = require("./waitlist.service");
/** How long a claimed Idempotency-Key blocks its twins before a crashed request's claim may be taken over. */
const IDEMPOTENCY_LEASE_MS = 60_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
function toSummaryView(r) {
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
function toOwnerView(r) {
    return {
        ...toSummaryView(r),
        eventId: r.eventId,
        badgeToken: r.state === client_1.RegistrationState.CONFIRMED ? r.badgeToken : null,
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
function priceAfter(priceCents, voucher) {
    if (!voucher)
        return priceCents;
    if (voucher.discount === client_1.VoucherDiscount.FREE)
        return 0;
    if (voucher.discount === client_1.VoucherDiscount.PERCENT)
        return Math.round((priceCents * (100 - voucher.discountValue)) / 100);
    return Math.max(0, priceCents - voucher.discountValue);
}
/** Canonical JSON (sorted keys), so the same body always hashes the same whatever its key order. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
let RegistrationsService = class RegistrationsService {
    registrations;
    ticketTypes;
    vouchers;
    inventory;
    idempotency;
    events;
    waitlist;
    audit;
    tx;
    clock;
    config;
    constructor(registrations, ticketTypes, vouchers, inventory, idempotency, events, waitlist, audit, tx, clock, config) {
        this.registrations = registrations;
        this.ticketTypes = ticketTypes;
        this.vouchers = vouchers;
        this.inventory = inventory;
        this.idempotency = idempotency;
        this.events = events;
        this.waitlist = waitlist;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
    }
    /**
     * Registers the caller. With an Idempotency-Key, the key is claimed first; the stored response is written in the
     * registration's own transaction, so a replay returns exactly what the first request returned and a failure
     * leaves nothing behind but a released claim.
     */
    async create(actor, slug, input, idempotencyKey) {
        if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
            throw registrations_errors_1.RegistrationErrors.idempotencyKeyInvalid();
        const now = this.clock.now();
        const context = await this.registrations.context(slug, actor.id, input.ticketTypeId, now);
        if (!context || (context.event.status === client_1.EventStatus.DRAFT && !actor.isAdmin && context.roles.length === 0)) {
            throw events_errors_1.EventErrors.notFound(slug);
        }
        if (idempotencyKey === undefined) {
            return { status: 201, body: await this.register(actor, context, input, now), replayed: false };
        }
        const requestHash = (0, node_crypto_1.createHash)('sha256').update(canonical({ route: 'registrations.create', slug, body: input })).digest('hex');
        for (let attempt = 0;; attempt += 1) {
            const claim = await this.idempotency.claim(actor.id, idempotencyKey, requestHash, now, new Date(now.getTime() + IDEMPOTENCY_LEASE_MS));
            if (claim.kind === 'gone' && attempt < 3)
                continue;
            if (claim.kind === 'stored' || claim.kind === 'in-flight') {
                if (claim.requestHash !== requestHash)
                    throw registrations_errors_1.RegistrationErrors.idempotencyKeyReused();
                if (claim.kind === 'in-flight')
                    throw registrations_errors_1.RegistrationErrors.idempotencyKeyInFlight();
                return { status: claim.status, body: claim.body, replayed: true };
            }
            if (claim.kind !== 'claimed')
                throw registrations_errors_1.RegistrationErrors.idempotencyKeyInFlight();
            break;
        }
        const expiresAt = new Date(now.getTime() + this.config.registrations.idempotencyTtlSeconds * 1000);
        try {
            const body = await this.register(actor, context, input, now, (text) => this.idempotency.complete(actor.id, idempotencyKey, 201, text, expiresAt));
            return { status: 201, body, replayed: false };
        }
        catch (error) {
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
    async register(actor, context, input, now, beforeCommit) {
        const { event, type } = context;
        if (event.status !== client_1.EventStatus.PUBLISHED)
            throw registrations_errors_1.RegistrationErrors.registrationClosed(event.status);
        const selfDescribed = this.selfDescribed(input, input.consentToReport ?? false);
        if (!type)
            throw registrations_errors_1.RegistrationErrors.ticketTypeNotFound();
        const voucher = input.voucherCode ? await this.usableVoucher(event.id, type.id, input.voucherCode, now) : null;
        if (type.hidden && !voucher)
            throw registrations_errors_1.RegistrationErrors.ticketTypeNotFound();
        if ((type.salesStartAt && now < type.salesStartAt) || (type.salesEndAt && now >= type.salesEndAt)) {
            throw registrations_errors_1.RegistrationErrors.notOnSale();
        }
        // An offer that ran out still stands for a place in the queue: settle the waiting list before counting, so a
        // newcomer never overtakes it, whenever the worker last ran.
        let predicted = context.limits;
        if (predicted.some((l) => l.expired > 0)) {
            await this.waitlist.processEvent(event.id, actor.requestId);
            predicted = await this.inventory.usage(event.id, type.id, now);
        }
        let full = predicted.some((l) => (0, inventory_repository_1.freeSeats)(l) <= 0);
        if (full && !input.waitlist)
            throw registrations_errors_1.RegistrationErrors.soldOut();
        const priceCents = priceAfter(type.priceCents, voucher);
        const ticketType = { id: type.id, name: type.name, nameZh: type.nameZh, category: type.category, attendance: type.attendance };
        for (let attempt = 0;; attempt += 1) {
            const state = full ? client_1.RegistrationState.WAITLISTED : priceCents === 0 ? client_1.RegistrationState.CONFIRMED : client_1.RegistrationState.PENDING;
            const row = {
                id: (0, node_crypto_1.randomUUID)(),
                eventId: event.id,
                userId: actor.id,
                ticketTypeId: type.id,
                voucherId: voucher?.id ?? null,
                state,
                attendeeName: input.attendeeName,
                attendeeEmail: (input.attendeeEmail ?? actor.email).toLowerCase(),
                priceCents,
                currency: type.currency,
                badgeToken: (0, node_crypto_1.randomBytes)(24).toString('base64url'),
                consentToReport: input.consentToReport ?? false,
                country: null,
                companyName: null,
                companySize: null,
                jobFunction: null,
                industry: null,
                firstTimeAttendee: null,
                gender: null,
                ...selfDescribed,
                waitlistedAt: state === client_1.RegistrationState.WAITLISTED ? now : null,
                confirmedAt: state === client_1.RegistrationState.CONFIRMED ? now : null,
                createdAt: now,
            };
            const body = JSON.stringify(toOwnerView({ ...row, ticketType, paidAt: null, offerExpiresAt: null, cancelledAt: null, cancelReason: null }));
            try {
                return await this.tx.run(async () => {
                    await this.registrations.insert(row);
                    await this.audit.record({
                        eventId: event.id,
                        actorId: actor.id,
                        requestId: actor.requestId,
                        action: 'registration.created',
                        entityType: 'registration',
                        entityId: row.id,
                        after: { state, ticketTypeId: type.id, voucherId: row.voucherId, priceCents },
                    });
                    if (state === client_1.RegistrationState.CONFIRMED) {
                        await this.audit.publish('registration.confirmed', { eventId: event.id, registrationId: row.id });
                    }
                    if (beforeCommit)
                        await beforeCommit(body);
                    return body;
                });
            }
            catch (error) {
                if ((0, registrations_repository_1.isActiveRegistrationConflict)(error))
                    throw registrations_errors_1.RegistrationErrors.alreadyRegistered();
                if ((0, inventory_repository_1.isLockTimeout)(error))
                    throw registrations_errors_1.RegistrationErrors.busy();
                const refusal = (0, registrations_repository_1.seatRefusal)(error);
                if (!refusal)
                    throw error;
                if (refusal === 'VOUCHER_EXHAUSTED')
                    throw registrations_errors_1.RegistrationErrors.voucherExhausted();
                if (attempt >= 4)
                    throw registrations_errors_1.RegistrationErrors.busy();
                if (refusal === 'WAITLIST_FIRST') {
                    await this.waitlist.processEvent(event.id, actor.requestId);
                }
                else if (refusal === 'SOLD_OUT') {
                    if (!input.waitlist)
                        throw registrations_errors_1.RegistrationErrors.soldOut();
                    full = true;
                }
                else {
                    full = false;
                }
            }
        }
    }
    /** The caller's newest registration for the event. */
    async mine(actor, slug) {
        const { event } = await this.visibleEvent(slug, actor);
        const found = await this.registrations.findLatestOf(event.id, actor.id);
        if (!found)
            throw registrations_errors_1.RegistrationErrors.registrationNotFound();
        return toOwnerView(found);
    }
    async listMine(actor) {
        const rows = await this.registrations.listOfUser(actor.id);
        return rows.map(({ event, ...r }) => ({ ...toOwnerView(r), event }));
    }
    /** The owner sees everything they gave; organisers see the registration without the self-described data. */
    async get(actor, slug, id) {
        const { event, isOrganiser } = await this.visibleEvent(slug, actor);
        const found = await this.registrations.find(event.id, id);
        if (found && found.userId === actor.id)
            return toOwnerView(found);
        if (found && isOrganiser)
            return toSummaryView(found);
        throw registrations_errors_1.RegistrationErrors.registrationNotFound();
    }
    /** The owner updates their details; without consent the self-described data is refused, and erased if withdrawn. */
    async update(actor, slug, id, input) {
        const { event } = await this.visibleEvent(slug, actor);
        const current = await this.registrations.find(event.id, id);
        if (!current || current.userId !== actor.id)
            throw registrations_errors_1.RegistrationErrors.registrationNotFound();
        if (current.state === client_1.RegistrationState.CANCELLED)
            throw registrations_errors_1.RegistrationErrors.alreadyCancelled();
        const consent = input.consentToReport ?? current.consentToReport;
        const selfDescribed = this.selfDescribed(input, consent);
        const erase = consent ? {} : Object.fromEntries(registrations_dto_1.SELF_DESCRIBED_FIELDS.map((field) => [field, null]));
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
                after: { fields: Object.keys(input).filter((k) => input[k] !== undefined) },
            });
            return toOwnerView(updated);
        });
    }
    /**
     * Cancels, gives any voucher use back and offers the freed seat to the waiting list, all in one transaction
     * under the event's exclusive lock (a cancellation may free seats in several limits at once).
     */
    async cancel(actor, slug, id) {
        const { event, isOrganiser } = await this.visibleEvent(slug, actor);
        const found = await this.registrations.find(event.id, id);
        const isOwner = found?.userId === actor.id;
        if (!found || (!isOwner && !isOrganiser))
            throw registrations_errors_1.RegistrationErrors.registrationNotFound();
        const now = this.clock.now();
        try {
            return await this.tx.run(async () => {
                await this.inventory.lockEvent(event.id);
                const row = await this.registrations.lockRow(event.id, id);
                if (!row)
                    throw registrations_errors_1.RegistrationErrors.registrationNotFound();
                if (row.state === client_1.RegistrationState.CANCELLED)
                    throw registrations_errors_1.RegistrationErrors.alreadyCancelled();
                const reason = isOwner ? client_1.CancelReason.ATTENDEE : client_1.CancelReason.ORGANISER;
                const cancelled = await this.cancelLocked(actor, event.id, id, row.state, reason, now);
                return isOwner ? toOwnerView(cancelled) : toSummaryView(cancelled);
            });
        }
        catch (error) {
            if ((0, inventory_repository_1.isLockTimeout)(error))
                throw registrations_errors_1.RegistrationErrors.busy();
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
    async createComplimentary(actor, event, recipient, ticketTypeId) {
        const now = this.clock.now();
        if (event.status !== client_1.EventStatus.PUBLISHED)
            throw registrations_errors_1.RegistrationErrors.registrationClosed(event.status);
        const type = await this.ticketTypes.findType(event.id, ticketTypeId);
        if (!type)
            throw registrations_errors_1.RegistrationErrors.ticketTypeNotFound();
        // The same queue discipline as a paid registration: people waiting for a freed seat are served first.
        let predicted = await this.inventory.usage(event.id, type.id, now);
        if (predicted.some((l) => l.expired > 0 || (l.waiting && (0, inventory_repository_1.freeSeats)(l) > 0))) {
            await this.waitlist.processEvent(event.id, actor.requestId);
            predicted = await this.inventory.usage(event.id, type.id, now);
        }
        if (predicted.some((l) => (0, inventory_repository_1.freeSeats)(l) <= 0))
            throw registrations_errors_1.RegistrationErrors.soldOut();
        const row = {
            id: (0, node_crypto_1.randomUUID)(),
            eventId: event.id,
            userId: recipient.userId,
            ticketTypeId: type.id,
            voucherId: null,
            state: client_1.RegistrationState.CONFIRMED,
            attendeeName: recipient.name,
            attendeeEmail: recipient.email.toLowerCase(),
            priceCents: 0,
            currency: type.currency,
            badgeToken: (0, node_crypto_1.randomBytes)(24).toString('base64url'),
            consentToReport: false,
            country: null,
            companyName: null,
            companySize: null,
            jobFunction: null,
            industry: null,
            firstTimeAttendee: null,
            gender: null,
            waitlistedAt: null,
            confirmedAt: now,
            createdAt: now,
        };
        return this.tx.run(async () => {
            try {
                await this.registrations.insert(row);
            }
            catch (error) {
                if ((0, registrations_repository_1.isActiveRegistrationConflict)(error))
                    throw registrations_errors_1.RegistrationErrors.alreadyRegistered();
                throw error;
            }
            await this.audit.record({
                eventId: event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'registration.created',
                entityType: 'registration',
                entityId: row.id,
                after: { state: row.state, ticketTypeId: type.id, voucherId: null, priceCents: 0, complimentary: true, userId: recipient.userId },
            });
            await this.audit.publish('registration.confirmed', { eventId: event.id, registrationId: row.id });
            return { id: row.id };
        });
    }
    /**
     * Cancels a registration for another domain (a declined or revoked scholarship), inside the caller's transaction
     * when there is one, with the waiting list served as after any cancellation. A registration already cancelled
     * (say by its attendee) is left as it is; returns whether this call cancelled it.
     */
    async cancelOnBehalf(actor, eventId, id, reason) {
        const now = this.clock.now();
        return this.tx.run(async () => {
            await this.inventory.lockEvent(eventId);
            const row = await this.registrations.lockRow(eventId, id);
            if (!row || row.state === client_1.RegistrationState.CANCELLED)
                return false;
            await this.cancelLocked(actor, eventId, id, row.state, reason, now);
            return true;
        });
    }
    /** What a failed transaction that called createComplimentary or cancelOnBehalf means: a refusal, or null. */
    commitRefusal(error) {
        if ((0, inventory_repository_1.isLockTimeout)(error))
            return registrations_errors_1.RegistrationErrors.busy();
        const refusal = (0, registrations_repository_1.seatRefusal)(error);
        if (refusal === 'SOLD_OUT')
            return registrations_errors_1.RegistrationErrors.soldOut();
        return refusal ? registrations_errors_1.RegistrationErrors.busy() : null;
    }
    /** The caller's transaction holds the event's exclusive lock and the registration's row lock. */
    async cancelLocked(actor, eventId, id, from, reason, now) {
        const cancelled = await this.registrations.cancel(id, reason, now);
        await this.audit.record({
            eventId,
            actorId: actor.id,
            requestId: actor.requestId,
            action: 'registration.cancelled',
            entityType: 'registration',
            entityId: id,
            before: { state: from },
            after: { state: cancelled.state, cancelReason: cancelled.cancelReason },
        });
        await this.audit.publish('registration.cancelled', { eventId, registrationId: id });
        await this.waitlist.processLocked(eventId, now, actor.requestId);
        return cancelled;
    }
    /**
     * Takes up a waiting-list offer. The offer already holds the seat, so no seat is counted here; the row lock
     * orders this against the expiry, which only touches offers whose time is up.
     */
    async acceptOffer(actor, slug, id) {
        const { event } = await this.visibleEvent(slug, actor);
        const found = await this.registrations.find(event.id, id);
        if (!found || found.userId !== actor.id)
            throw registrations_errors_1.RegistrationErrors.registrationNotFound();
        const now = this.clock.now();
        return this.tx.run(async () => {
            const row = await this.registrations.lockRow(event.id, id);
            if (!row || row.state !== client_1.RegistrationState.WAITLISTED || !row.offerExpiresAt || row.offerExpiresAt <= now) {
                throw registrations_errors_1.RegistrationErrors.noOffer();
            }
            const state = found.priceCents === 0 ? client_1.RegistrationState.CONFIRMED : client_1.RegistrationState.PENDING;
            const updated = await this.registrations.update(id, {
                state,
                offerExpiresAt: null,
                confirmedAt: state === client_1.RegistrationState.CONFIRMED ? now : null,
                updatedAt: now,
            });
            await this.audit.record({
                eventId: event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'registration.offer_accepted',
                entityType: 'registration',
                entityId: id,
                before: { state: client_1.RegistrationState.WAITLISTED },
                after: { state },
            });
            if (state === client_1.RegistrationState.CONFIRMED) {
                await this.audit.publish('registration.confirmed', { eventId: event.id, registrationId: id });
            }
            return toOwnerView(updated);
        });
    }
    /** An organiser records the payment of a pending registration, which confirms it. */
    async markPaid(actor, access, id) {
        const now = this.clock.now();
        return this.tx.run(async () => {
            const row = await this.registrations.lockRow(access.event.id, id);
            if (!row)
                throw registrations_errors_1.RegistrationErrors.registrationNotFound();
            if (row.state !== client_1.RegistrationState.PENDING)
                throw registrations_errors_1.RegistrationErrors.notPending(row.state);
            const updated = await this.registrations.update(id, { state: client_1.RegistrationState.CONFIRMED, paidAt: now, confirmedAt: now });
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
    async list(access, query) {
        const limit = query.limit ?? 50;
        const after = query.cursor ? (0, cursor_1.decodeCursor)(query.cursor, ['string', 'string']) : undefined;
        const rows = await this.registrations.listPage(access.event.id, { state: query.state, ticketTypeId: query.ticketTypeId, search: query.q }, limit, after ? { createdAt: new Date(after[0]), id: after[1] } : undefined);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
            items: page.map(({ _count, ...r }) => ({ ...toSummaryView(r), checkIns: _count.checkIns })),
            nextCursor: rows.length > limit && last ? (0, cursor_1.encodeCursor)([last.createdAt.toISOString(), last.id]) : null,
        };
    }
    /** Every registration matching the filter as CSV, read page by page (a bounded number of queries per page). */
    async exportCsv(access, query) {
        const header = ['id', 'state', 'attendee_name', 'attendee_email', 'ticket_type', 'category', 'attendance',
            'price_cents', 'currency', 'paid_at', 'confirmed_at', 'cancelled_at', 'cancel_reason', 'check_ins', 'created_at'];
        const lines = [header.join(',')];
        let cursor;
        do {
            const page = await this.list(access, { ...query, limit: 200, cursor });
            for (const r of page.items) {
                lines.push([r.id, r.state, r.attendeeName, r.attendeeEmail, r.ticketType.name, r.ticketType.category, r.ticketType.attendance,
                    r.priceCents, r.currency, r.paidAt, r.confirmedAt, r.cancelledAt, r.cancelReason, r.checkIns, r.createdAt]
                    .map(csvCell)
                    .join(','));
            }
            cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return `${lines.join('\r\n')}\r\n`;
    }
    /** The event as the caller may see it (drafts only with a role), and whether they organise it. */
    async visibleEvent(slug, user) {
        const found = await this.events.findWithRoles(slug, user.id);
        if (!found || (found.status === client_1.EventStatus.DRAFT && !user.isAdmin && found.roleGrants.length === 0)) {
            throw events_errors_1.EventErrors.notFound(slug);
        }
        const { roleGrants, ...event } = found;
        return { event, isOrganiser: user.isAdmin || roleGrants.some((g) => g.role === client_1.EventRole.ORGANISER) };
    }
    async usableVoucher(eventId, ticketTypeId, code, now) {
        const voucher = await this.vouchers.findByCode(eventId, code);
        if (!voucher)
            throw registrations_errors_1.RegistrationErrors.voucherNotFound();
        if (voucher.ticketTypeId !== ticketTypeId)
            throw registrations_errors_1.RegistrationErrors.voucherWrongTicketType();
        if ((voucher.validFrom && now < voucher.validFrom) || (voucher.validUntil && now >= voucher.validUntil)) {
            throw registrations_errors_1.RegistrationErrors.voucherNotValidNow();
        }
        return voucher;
    }
    /** The self-described values sent; refused unless the (resulting) consent is given. */
    selfDescribed(input, consent) {
        const given = registrations_dto_1.SELF_DESCRIBED_FIELDS.filter((field) => input[field] !== undefined);
        if (!consent) {
            const sent = given.filter((field) => input[field] !== null);
            if (sent.length > 0)
                throw registrations_errors_1.RegistrationErrors.consentRequired(sent);
            return {};
        }
        return Object.fromEntries(given.map((field) => [field, input[field]]));
    }
};
exports.RegistrationsService = RegistrationsService;
exports.RegistrationsService = RegistrationsService = __decorate([
    (0, common_1.Injectable)(),
    __param(10, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [registrations_repository_1.RegistrationsRepository,
        ticket_types_repository_1.TicketTypesRepository,
        vouchers_repository_1.VouchersRepository,
        inventory_repository_1.InventoryRepository,
        idempotency_repository_1.IdempotencyRepository,
        events_repository_1.EventsRepository,
        waitlist_service_1.WaitlistService,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock, Object])
], RegistrationsService);
/** Quotes every cell, and defuses cells a spreadsheet would run as a formula. */
function csvCell(value) {
    let text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text))
        text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
}
//# sourceMappingURL=registrations.service.js.map