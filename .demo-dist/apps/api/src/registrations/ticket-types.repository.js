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
exports.TicketTypesRepository = void 0;
const common_1 = require("@nestjs/common");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const TICKET_TYPE_FIELDS = {
    id: true,
    eventId: true,
    name: true,
    nameZh: true,
    category: true,
    attendance: true,
    priceCents: true,
    currency: true,
    salesStartAt: true,
    salesEndAt: true,
    hidden: true,
    createdAt: true,
    quotas: { select: { quotaId: true, quota: { select: { size: true } } }, orderBy: { quotaId: 'asc' } },
};
const QUOTA_FIELDS = {
    id: true,
    eventId: true,
    name: true,
    size: true,
    createdAt: true,
    ticketTypes: { select: { ticketTypeId: true }, orderBy: { ticketTypeId: 'asc' } },
};
let TicketTypesRepository = class TicketTypesRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    createType(data) {
        return this.tx.db.ticketType.create({ data, select: TICKET_TYPE_FIELDS });
    }
    updateType(id, data) {
        return this.tx.db.ticketType.update({ where: { id }, data, select: TICKET_TYPE_FIELDS });
    }
    findType(eventId, id) {
        return this.tx.db.ticketType.findFirst({ where: { id, eventId }, select: TICKET_TYPE_FIELDS });
    }
    listTypes(eventId, includeHidden) {
        return this.tx.db.ticketType.findMany({
            where: { eventId, ...(includeHidden ? {} : { hidden: false }) },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: TICKET_TYPE_FIELDS,
        });
    }
    countTypes(eventId, ids) {
        return this.tx.db.ticketType.count({ where: { eventId, id: { in: ids } } });
    }
    createQuota(data) {
        return this.tx.db.quota.create({
            data: {
                eventId: data.eventId,
                name: data.name,
                size: data.size,
                ticketTypes: { create: data.ticketTypeIds.map((ticketTypeId) => ({ ticketTypeId })) },
            },
            select: QUOTA_FIELDS,
        });
    }
    async updateQuota(id, data) {
        if (data.ticketTypeIds) {
            await this.tx.db.ticketTypeQuota.deleteMany({ where: { quotaId: id } });
            await this.tx.db.ticketTypeQuota.createMany({ data: data.ticketTypeIds.map((ticketTypeId) => ({ ticketTypeId, quotaId: id })) });
        }
        return this.tx.db.quota.update({ where: { id }, data: { name: data.name, size: data.size }, select: QUOTA_FIELDS });
    }
    findQuota(eventId, id) {
        return this.tx.db.quota.findFirst({ where: { id, eventId }, select: QUOTA_FIELDS });
    }
    listQuotas(eventId) {
        return this.tx.db.quota.findMany({ where: { eventId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: QUOTA_FIELDS });
    }
};
exports.TicketTypesRepository = TicketTypesRepository;
exports.TicketTypesRepository = TicketTypesRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], TicketTypesRepository);
//# sourceMappingURL=ticket-types.repository.js.map