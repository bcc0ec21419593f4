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
exports.NotificationsRepository = void 0;
const common_1 = require("@nestjs/common");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const DELIVERY_FIELDS = {
    id: true,
    template: true,
    context: true,
    recipientEmail: true,
    recipientName: true,
    language: true,
    status: true,
    generation: true,
    attempts: true,
    lastError: true,
    createdAt: true,
    sentAt: true,
    failedAt: true,
};
let NotificationsRepository = class NotificationsRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    /** Keyset page, newest first. */
    listPage(eventId, status, limit, after) {
        return this.tx.db.notificationDelivery.findMany({
            where: {
                eventId,
                ...(status ? { status } : {}),
                ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
            },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            take: limit + 1,
            select: DELIVERY_FIELDS,
        });
    }
    async countByStatus(eventId) {
        const groups = await this.tx.db.notificationDelivery.groupBy({ by: ['status'], where: { eventId }, _count: { _all: true } });
        const counts = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0 };
        for (const group of groups)
            counts[group.status] = group._count._all;
        return counts;
    }
    /** Locks the delivery for the rest of the transaction; scoped by event, so another event's id is not found. */
    async lockForResend(eventId, id) {
        const rows = await this.tx.db.$queryRaw `
      SELECT status, generation FROM notification_deliveries WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`;
        return rows[0] ?? null;
    }
    /** A new generation: the worker's relay sees a PENDING row never enqueued and gives it a job of its own. */
    requeue(id, generation) {
        return this.tx.db.notificationDelivery.update({
            where: { id },
            data: {
                status: client_1.NotificationStatus.PENDING,
                generation,
                attempts: 0,
                lastError: null,
                enqueuedAt: null,
                claimedAt: null,
                failedAt: null,
            },
            select: DELIVERY_FIELDS,
        });
    }
};
exports.NotificationsRepository = NotificationsRepository;
exports.NotificationsRepository = NotificationsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], NotificationsRepository);
//# sourceMappingURL=notifications.repository.js.map