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
exports.AuditRepository = void 0;
const common_1 = require("@nestjs/common");
const client_1 = require("../database/generated/client");
const transaction_host_1 = require("../database/transaction.host");
const json = (value) => value === null || value === undefined ? client_1.Prisma.DbNull : JSON.parse(JSON.stringify(value));
/**
 * The audit log and the outbox. Callers write here inside the same TransactionHost.run as the change itself, so a
 * change without its audit entry or domain event (or the reverse) can never be committed.
 */
let AuditRepository = class AuditRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    async record(entry) {
        await this.tx.db.auditEntry.create({
            data: {
                eventId: entry.eventId ?? null,
                actorId: entry.actorId ?? null,
                requestId: entry.requestId ?? null,
                action: entry.action,
                entityType: entry.entityType,
                entityId: entry.entityId,
                before: json(entry.before),
                after: json(entry.after),
            },
        });
    }
    async publish(type, payload) {
        await this.tx.db.outboxEvent.create({
            data: { eventId: payload.eventId, type, payload: { ...payload } },
        });
    }
    /** Newest first, keyset-paginated by id. */
    listForEvent(eventId, limit, beforeId) {
        return this.tx.db.auditEntry.findMany({
            where: { eventId, ...(beforeId !== undefined ? { id: { lt: beforeId } } : {}) },
            orderBy: { id: 'desc' },
            take: limit + 1,
            select: {
                id: true,
                action: true,
                entityType: true,
                entityId: true,
                before: true,
                after: true,
                requestId: true,
                createdAt: true,
                actor: { select: { id: true, email: true, name: true } },
            },
        });
    }
};
exports.AuditRepository = AuditRepository;
exports.AuditRepository = AuditRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], AuditRepository);
//# sourceMappingURL=audit.repository.js.map