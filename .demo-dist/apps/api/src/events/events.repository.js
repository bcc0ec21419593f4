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
exports.EventsRepository = void 0;
const common_1 = require("@nestjs/common");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const EVENT_FIELDS = {
    id: true,
    slug: true,
    name: true,
    nameZh: true,
    city: true,
    country: true,
    venue: true,
    timezone: true,
    startsAt: true,
    endsAt: true,
    format: true,
    capacity: true,
    status: true,
    seriesId: true,
    parentEventId: true,
    series: { select: { id: true, slug: true, name: true, nameZh: true } },
    parentEvent: { select: { slug: true } },
};
let EventsRepository = class EventsRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    createSeries(data) {
        return this.tx.db.series.create({ data, select: { id: true, slug: true, name: true, nameZh: true } });
    }
    findSeries(slug) {
        return this.tx.db.series.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, nameZh: true } });
    }
    listSeries() {
        return this.tx.db.series.findMany({
            orderBy: { slug: 'asc' },
            select: { id: true, slug: true, name: true, nameZh: true },
        });
    }
    createEvent(data) {
        return this.tx.db.event.create({ data: data, select: EVENT_FIELDS });
    }
    findBySlug(slug) {
        return this.tx.db.event.findUnique({ where: { slug }, select: EVENT_FIELDS });
    }
    /** The event and the caller's roles in it, in one query: what every event-scoped route checks first. */
    findWithRoles(slug, userId) {
        return this.tx.db.event.findUnique({
            where: { slug },
            select: {
                ...EVENT_FIELDS,
                roleGrants: { where: { userId: userId ?? '00000000-0000-0000-0000-000000000000' }, select: { role: true } },
            },
        });
    }
    /** Keyset page ordered by start date, newest first. */
    listPage(filter, limit, after) {
        const where = {
            status: { in: filter.statuses },
            ...(filter.seriesSlug ? { series: { slug: filter.seriesSlug } } : {}),
            ...(after
                ? { OR: [{ startsAt: { lt: after.startsAt } }, { startsAt: after.startsAt, id: { lt: after.id } }] }
                : {}),
        };
        return this.tx.db.event.findMany({
            where,
            orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
            take: limit + 1,
            select: EVENT_FIELDS,
        });
    }
    updateEvent(id, data) {
        return this.tx.db.event.update({ where: { id }, data, select: EVENT_FIELDS });
    }
    isOrganiserInSeries(userId, seriesId) {
        return this.tx.db.roleGrant
            .count({ where: { userId, role: client_1.EventRole.ORGANISER, event: { seriesId } } })
            .then((count) => count > 0);
    }
    /**
     * Takes the event row's lock for the rest of the transaction, so that concurrent role changes on one event run
     * one after the other (two organisers removing each other must not leave the event with none).
     */
    async lockEvent(eventId) {
        await this.tx.db.$queryRaw `SELECT id FROM events WHERE id = ${eventId}::uuid FOR UPDATE`;
    }
    listGrants(eventId) {
        return this.tx.db.roleGrant.findMany({
            where: { eventId },
            orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
            select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
        });
    }
    findGrant(eventId, grantId) {
        return this.tx.db.roleGrant.findFirst({
            where: { id: grantId, eventId },
            select: { id: true, role: true, userId: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
        });
    }
    /** Inserts the grant unless it exists; returns it either way, with whether it was new. */
    async upsertGrant(eventId, userId, role, grantedById) {
        const existing = await this.tx.db.roleGrant.findUnique({
            where: { eventId_userId_role: { eventId, userId, role } },
            select: { id: true },
        });
        if (existing)
            return { id: existing.id, created: false };
        const created = await this.tx.db.roleGrant.upsert({
            where: { eventId_userId_role: { eventId, userId, role } },
            create: { eventId, userId, role, grantedById },
            update: {},
            select: { id: true },
        });
        return { id: created.id, created: true };
    }
    deleteGrant(id) {
        return this.tx.db.roleGrant.delete({ where: { id } });
    }
    countRole(eventId, role) {
        return this.tx.db.roleGrant.count({ where: { eventId, role } });
    }
};
exports.EventsRepository = EventsRepository;
exports.EventsRepository = EventsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], EventsRepository);
//# sourceMappingURL=events.repository.js.map