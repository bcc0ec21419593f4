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
exports.TicketTypesService = void 0;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const events_repository_1 = require("../events/events.repository");
const events_errors_1 = require("../events/events.errors");
const inventory_repository_1 = require("./inventory.repository");
const registrations_errors_1 = require("./registrations.errors");
const ticket_types_repository_1 = require("./ticket-types.repository");
const waitlist_service_1 = require("./waitlist.service");
const toDate = (value) => (value === undefined ? undefined : value === null ? null : new Date(value));
let TicketTypesService = class TicketTypesService {
    ticketTypes;
    inventory;
    events;
    waitlist;
    audit;
    tx;
    clock;
    constructor(ticketTypes, inventory, events, waitlist, audit, tx, clock) {
        this.ticketTypes = ticketTypes;
        this.inventory = inventory;
        this.events = events;
        this.waitlist = waitlist;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    /** Anyone may list a published event's ticket types; organisers also see the hidden ones. */
    async list(slug, user) {
        const found = await this.events.findWithRoles(slug, user?.id);
        const roles = found?.roleGrants.map((g) => g.role) ?? [];
        if (!found || (found.status === client_1.EventStatus.DRAFT && !user?.isAdmin && roles.length === 0))
            throw events_errors_1.EventErrors.notFound(slug);
        const organiser = Boolean(user?.isAdmin) || roles.includes(client_1.EventRole.ORGANISER);
        const now = this.clock.now();
        const [types, limits] = await Promise.all([
            this.ticketTypes.listTypes(found.id, organiser),
            this.inventory.usage(found.id, null, now),
        ]);
        return types.map((type) => this.toView(type, limits, now));
    }
    async create(actor, access, input) {
        const salesStartAt = toDate(input.salesStartAt) ?? null;
        const salesEndAt = toDate(input.salesEndAt) ?? null;
        this.checkWindow(salesStartAt, salesEndAt);
        return this.tx.run(async () => {
            const type = await this.ticketTypes.createType({
                eventId: access.event.id,
                name: input.name,
                nameZh: input.nameZh ?? null,
                category: input.category,
                attendance: input.attendance,
                priceCents: input.priceCents ?? 0,
                currency: input.currency ?? 'USD',
                salesStartAt,
                salesEndAt,
                hidden: input.hidden ?? false,
            });
            await this.audit.record({
                eventId: access.event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'ticket_type.created',
                entityType: 'ticket_type',
                entityId: type.id,
                after: { name: type.name, category: type.category, attendance: type.attendance, priceCents: type.priceCents, hidden: type.hidden },
            });
            const now = this.clock.now();
            return this.toView(type, await this.inventory.usage(access.event.id, type.id, now), now);
        });
    }
    async update(actor, access, id, input) {
        const current = await this.ticketTypes.findType(access.event.id, id);
        if (!current)
            throw registrations_errors_1.RegistrationErrors.ticketTypeNotFound();
        const changes = {
            name: input.name,
            nameZh: input.nameZh,
            category: input.category,
            priceCents: input.priceCents,
            currency: input.currency,
            salesStartAt: toDate(input.salesStartAt),
            salesEndAt: toDate(input.salesEndAt),
            hidden: input.hidden,
        };
        this.checkWindow(changes.salesStartAt === undefined ? current.salesStartAt : changes.salesStartAt, changes.salesEndAt === undefined ? current.salesEndAt : changes.salesEndAt);
        return this.tx.run(async () => {
            const type = await this.ticketTypes.updateType(id, changes);
            await this.audit.record({
                eventId: access.event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'ticket_type.updated',
                entityType: 'ticket_type',
                entityId: id,
                after: Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
            });
            const now = this.clock.now();
            return this.toView(type, await this.inventory.usage(access.event.id, type.id, now), now);
        });
    }
    async listQuotas(access) {
        const [quotas, limits] = await Promise.all([
            this.ticketTypes.listQuotas(access.event.id),
            this.inventory.usage(access.event.id, null, this.clock.now()),
        ]);
        return quotas.map((quota) => this.toQuotaView(quota, limits));
    }
    /**
     * A new quota, or a changed one, changes what every registration of its types must lock: both run under the
     * event's exclusive lock, and a quota smaller than what it already counts is refused.
     */
    async createQuota(actor, access, input) {
        const ticketTypeIds = [...new Set(input.ticketTypeIds)];
        await this.checkTypes(access.event.id, ticketTypeIds);
        return this.structural(async () => {
            const quota = await this.ticketTypes.createQuota({ eventId: access.event.id, name: input.name, size: input.size ?? null, ticketTypeIds });
            const view = await this.checkedQuotaView(access.event.id, quota);
            await this.audit.record({
                eventId: access.event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'quota.created',
                entityType: 'quota',
                entityId: quota.id,
                after: { name: quota.name, size: quota.size, ticketTypeIds },
            });
            return view;
        }, access.event.id);
    }
    async updateQuota(actor, access, id, input) {
        const ticketTypeIds = input.ticketTypeIds ? [...new Set(input.ticketTypeIds)] : undefined;
        if (ticketTypeIds)
            await this.checkTypes(access.event.id, ticketTypeIds);
        return this.structural(async () => {
            const current = await this.ticketTypes.findQuota(access.event.id, id);
            if (!current)
                throw registrations_errors_1.RegistrationErrors.quotaNotFound();
            const quota = await this.ticketTypes.updateQuota(id, { name: input.name, size: input.size, ticketTypeIds });
            await this.checkedQuotaView(access.event.id, quota);
            await this.audit.record({
                eventId: access.event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'quota.updated',
                entityType: 'quota',
                entityId: id,
                before: { name: current.name, size: current.size, ticketTypeIds: current.ticketTypes.map((t) => t.ticketTypeId) },
                after: { name: quota.name, size: quota.size, ticketTypeIds: quota.ticketTypes.map((t) => t.ticketTypeId) },
            });
            // a larger quota may have seats for the waiting list
            await this.waitlist.processLocked(access.event.id, this.clock.now(), actor.requestId);
            return this.toQuotaView(quota, await this.inventory.usage(access.event.id, null, this.clock.now()));
        }, access.event.id);
    }
    async structural(work, eventId) {
        try {
            return await this.tx.run(async () => {
                await this.inventory.lockEvent(eventId);
                return work();
            });
        }
        catch (error) {
            if ((0, inventory_repository_1.isLockTimeout)(error))
                throw registrations_errors_1.RegistrationErrors.busy();
            throw error;
        }
    }
    async checkedQuotaView(eventId, quota) {
        const view = this.toQuotaView(quota, await this.inventory.usage(eventId, null, this.clock.now()));
        if (quota.size !== null && view.taken + view.held > quota.size)
            throw registrations_errors_1.RegistrationErrors.quotaBelowUsage(view.taken + view.held);
        return view;
    }
    async checkTypes(eventId, ids) {
        if ((await this.ticketTypes.countTypes(eventId, ids)) !== ids.length)
            throw registrations_errors_1.RegistrationErrors.quotaTicketTypesInvalid();
    }
    checkWindow(start, end) {
        if (start && end && end.getTime() <= start.getTime())
            throw registrations_errors_1.RegistrationErrors.salesWindowInvalid();
    }
    toView(type, limits, now) {
        const own = limits.filter((limit) => limit.types.includes(type.id));
        const free = Math.min(...own.map(inventory_repository_1.freeSeats));
        return {
            id: type.id,
            name: type.name,
            nameZh: type.nameZh,
            category: type.category,
            attendance: type.attendance,
            priceCents: type.priceCents,
            currency: type.currency,
            salesStartAt: type.salesStartAt,
            salesEndAt: type.salesEndAt,
            hidden: type.hidden,
            quotaIds: type.quotas.map((q) => q.quotaId),
            onSale: (!type.salesStartAt || now >= type.salesStartAt) && (!type.salesEndAt || now < type.salesEndAt),
            available: Number.isFinite(free) ? Math.max(0, free) : null,
        };
    }
    toQuotaView(quota, limits) {
        const usage = limits.find((limit) => limit.kind === 'quota' && limit.id === quota.id);
        const free = usage ? (0, inventory_repository_1.freeSeats)(usage) : Infinity;
        return {
            id: quota.id,
            name: quota.name,
            size: quota.size,
            ticketTypeIds: quota.ticketTypes.map((t) => t.ticketTypeId),
            taken: usage?.taken ?? 0,
            held: usage?.held ?? 0,
            available: Number.isFinite(free) ? Math.max(0, free) : null,
            waiting: usage?.waiting ?? false,
        };
    }
};
exports.TicketTypesService = TicketTypesService;
exports.TicketTypesService = TicketTypesService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [ticket_types_repository_1.TicketTypesRepository,
        inventory_repository_1.InventoryRepository,
        events_repository_1.EventsRepository,
        waitlist_service_1.WaitlistService,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock])
], TicketTypesService);
//# sourceMappingURL=ticket-types.service.js.map