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
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventsService = exports.EVENT_STATUS_TRANSITIONS = void 0;
exports.isTimeZone = isTimeZone;
exports.toEventView = toEventView;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const client_1 = require("../../../../libs/database/generated/client");
const prisma_errors_1 = require("../../../../libs/database/prisma-errors");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const auth_repository_1 = require("../auth/auth.repository");
const auth_service_1 = require("../auth/auth.service");
const cursor_1 = require("../http/cursor");
const events_errors_1 = require("./events.errors");
const events_repository_1 = require("./events.repository");
/** The one place that says which status may follow which. */
exports.EVENT_STATUS_TRANSITIONS = {
    DRAFT: [client_1.EventStatus.PUBLISHED, client_1.EventStatus.CANCELLED],
    PUBLISHED: [client_1.EventStatus.POSTPONED, client_1.EventStatus.CANCELLED, client_1.EventStatus.COMPLETED],
    POSTPONED: [client_1.EventStatus.PUBLISHED, client_1.EventStatus.CANCELLED],
    CANCELLED: [],
    COMPLETED: [],
};
const PUBLIC_STATUSES = [client_1.EventStatus.PUBLISHED, client_1.EventStatus.POSTPONED, client_1.EventStatus.CANCELLED, client_1.EventStatus.COMPLETED];
function isTimeZone(zone) {
    try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return zone.includes('/') || zone === 'UTC';
    }
    catch {
        return false;
    }
}
function toEventView(event) {
    return {
        id: event.id,
        slug: event.slug,
        name: event.name,
        nameZh: event.nameZh,
        series: event.series,
        parentEventSlug: event.parentEvent?.slug ?? null,
        city: event.city,
        country: event.country,
        venue: event.venue,
        timezone: event.timezone,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        format: event.format,
        capacity: event.capacity,
        status: event.status,
    };
}
let EventsService = class EventsService {
    events;
    users;
    audit;
    tx;
    constructor(events, users, audit, tx) {
        this.events = events;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
    }
    async createSeries(actor, input) {
        if (!actor.isAdmin)
            throw domain_error_1.CommonErrors.forbidden();
        return this.tx.run(async () => {
            try {
                const series = await this.events.createSeries({ slug: input.slug, name: input.name, nameZh: input.nameZh ?? null });
                await this.audit.record({
                    actorId: actor.id,
                    requestId: actor.requestId,
                    action: 'series.created',
                    entityType: 'series',
                    entityId: series.id,
                    after: series,
                });
                return series;
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error, 'slug'))
                    throw events_errors_1.EventErrors.seriesSlugTaken(input.slug);
                throw error;
            }
        });
    }
    listSeries() {
        return this.events.listSeries();
    }
    /** Administrators create editions of any series; organisers of one edition may create the next ones. */
    async createEvent(actor, input) {
        const series = await this.events.findSeries(input.seriesSlug);
        if (!series)
            throw events_errors_1.EventErrors.seriesNotFound(input.seriesSlug);
        if (!actor.isAdmin && !(await this.events.isOrganiserInSeries(actor.id, series.id))) {
            throw domain_error_1.CommonErrors.forbidden();
        }
        const startsAt = new Date(input.startsAt);
        const endsAt = new Date(input.endsAt);
        this.checkSchedule(input.timezone, startsAt, endsAt);
        let parentEventId = null;
        if (input.parentEventSlug) {
            const parent = await this.events.findBySlug(input.parentEventSlug);
            if (!parent || parent.seriesId !== series.id || parent.parentEventId !== null)
                throw events_errors_1.EventErrors.parentInvalid();
            parentEventId = parent.id;
        }
        return this.tx.run(async () => {
            let event;
            try {
                event = await this.events.createEvent({
                    seriesId: series.id,
                    parentEventId,
                    slug: input.slug,
                    name: input.name,
                    nameZh: input.nameZh ?? null,
                    city: input.city,
                    country: input.country,
                    venue: input.venue ?? null,
                    timezone: input.timezone,
                    startsAt,
                    endsAt,
                    format: input.format,
                    capacity: input.capacity ?? null,
                });
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error, 'slug'))
                    throw events_errors_1.EventErrors.slugTaken(input.slug);
                throw error;
            }
            await this.events.upsertGrant(event.id, actor.id, client_1.EventRole.ORGANISER, actor.id);
            const view = toEventView(event);
            await this.audit.record({
                eventId: event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'event.created',
                entityType: 'event',
                entityId: event.id,
                after: view,
            });
            await this.audit.publish('event.created', { eventId: event.id, slug: event.slug });
            return view;
        });
    }
    async list(query) {
        const limit = query.limit ?? 50;
        const after = query.cursor ? (0, cursor_1.decodeCursor)(query.cursor, ['string', 'string']) : undefined;
        const statuses = query.status
            ? PUBLIC_STATUSES.filter((s) => s === query.status)
            : PUBLIC_STATUSES;
        const rows = await this.events.listPage({ seriesSlug: query.series, statuses }, limit, after ? { startsAt: new Date(after[0]), id: after[1] } : undefined);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
            items: page.map(toEventView),
            nextCursor: rows.length > limit && last ? (0, cursor_1.encodeCursor)([last.startsAt.toISOString(), last.id]) : null,
        };
    }
    /** Published editions are public; a draft is visible only to administrators and people with a role in it. */
    async get(slug, user) {
        if (!user) {
            const event = await this.events.findBySlug(slug);
            if (!event || event.status === client_1.EventStatus.DRAFT)
                throw events_errors_1.EventErrors.notFound(slug);
            return toEventView(event);
        }
        const found = await this.events.findWithRoles(slug, user.id);
        if (!found || (found.status === client_1.EventStatus.DRAFT && !user.isAdmin && found.roleGrants.length === 0)) {
            throw events_errors_1.EventErrors.notFound(slug);
        }
        return toEventView(found);
    }
    async update(actor, access, input) {
        const current = access.event;
        const changes = { ...input };
        if (input.startsAt !== undefined)
            changes.startsAt = new Date(input.startsAt);
        if (input.endsAt !== undefined)
            changes.endsAt = new Date(input.endsAt);
        this.checkSchedule(input.timezone ?? current.timezone, changes.startsAt ?? current.startsAt, changes.endsAt ?? current.endsAt);
        if (input.status !== undefined && input.status !== current.status) {
            if (!exports.EVENT_STATUS_TRANSITIONS[current.status].includes(input.status)) {
                throw events_errors_1.EventErrors.statusTransition(current.status, input.status);
            }
        }
        return this.tx.run(async () => {
            const updated = await this.events.updateEvent(current.id, changes);
            const before = toEventView(current);
            const after = toEventView(updated);
            const changedKeys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
            if (changedKeys.length > 0) {
                await this.audit.record({
                    eventId: current.id,
                    actorId: actor.id,
                    requestId: actor.requestId,
                    action: input.status && input.status !== current.status ? 'event.status_changed' : 'event.updated',
                    entityType: 'event',
                    entityId: current.id,
                    before: Object.fromEntries(changedKeys.map((k) => [k, before[k]])),
                    after: Object.fromEntries(changedKeys.map((k) => [k, after[k]])),
                });
                if (input.status && input.status !== current.status) {
                    await this.audit.publish('event.status_changed', { eventId: current.id, from: current.status, to: input.status });
                }
            }
            return after;
        });
    }
    async listRoles(access) {
        const grants = await this.events.listGrants(access.event.id);
        return grants.map((g) => ({
            id: g.id,
            role: g.role,
            userId: g.user.id,
            email: g.user.email,
            name: g.user.name,
            createdAt: g.createdAt,
        }));
    }
    /** Granting a role the user already has changes nothing and returns the existing grant. */
    async grantRole(actor, access, input) {
        const email = (0, auth_service_1.normaliseEmail)(input.email);
        const user = await this.users.findByEmail(email);
        if (!user)
            throw events_errors_1.EventErrors.userNotFound(email);
        return this.tx.run(async () => {
            const grant = await this.events.upsertGrant(access.event.id, user.id, input.role, actor.id);
            if (grant.created) {
                await this.audit.record({
                    eventId: access.event.id,
                    actorId: actor.id,
                    requestId: actor.requestId,
                    action: 'role.granted',
                    entityType: 'role_grant',
                    entityId: grant.id,
                    after: { userId: user.id, email: user.email, role: input.role },
                });
                await this.audit.publish('role.granted', { eventId: access.event.id, userId: user.id, role: input.role });
            }
            const saved = await this.events.findGrant(access.event.id, grant.id);
            if (!saved)
                throw events_errors_1.EventErrors.grantNotFound();
            return { id: saved.id, role: saved.role, userId: saved.user.id, email: saved.user.email, name: saved.user.name, createdAt: saved.createdAt };
        });
    }
    async revokeRole(actor, access, grantId) {
        await this.tx.run(async () => {
            await this.events.lockEvent(access.event.id);
            const grant = await this.events.findGrant(access.event.id, grantId);
            if (!grant)
                throw events_errors_1.EventErrors.grantNotFound();
            if (grant.role === client_1.EventRole.ORGANISER && (await this.events.countRole(access.event.id, client_1.EventRole.ORGANISER)) <= 1) {
                throw events_errors_1.EventErrors.lastOrganiser();
            }
            await this.events.deleteGrant(grant.id);
            await this.audit.record({
                eventId: access.event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'role.revoked',
                entityType: 'role_grant',
                entityId: grant.id,
                before: { userId: grant.userId, email: grant.user.email, role: grant.role },
            });
        });
    }
    async auditLog(access, limit = 50, cursor) {
        const position = cursor ? (0, cursor_1.decodeCursor)(cursor, ['string'])[0] : undefined;
        if (position !== undefined && !/^\d{1,19}$/.test(position))
            throw new domain_error_1.DomainError('CURSOR_INVALID', 400);
        const before = position !== undefined ? BigInt(position) : undefined;
        const rows = await this.audit.listForEvent(access.event.id, limit, before);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
            items: page.map((row) => ({ ...row, id: row.id.toString() })),
            nextCursor: rows.length > limit && last ? (0, cursor_1.encodeCursor)([last.id.toString()]) : null,
        };
    }
    checkSchedule(timezone, startsAt, endsAt) {
        if (!isTimeZone(timezone))
            throw events_errors_1.EventErrors.timezoneInvalid(timezone);
        if (endsAt.getTime() < startsAt.getTime())
            throw events_errors_1.EventErrors.datesInvalid();
    }
};
exports.EventsService = EventsService;
exports.EventsService = EventsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [events_repository_1.EventsRepository,
        auth_repository_1.AuthRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost])
], EventsService);
//# sourceMappingURL=events.service.js.map