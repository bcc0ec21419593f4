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
exports.IdempotencyRepository = void 0;
const common_1 = require("@nestjs/common");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
let IdempotencyRepository = class IdempotencyRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    /**
     * Claims (user, key) for one request, in statements of their own outside the request's transaction, so that a
     * twin request sees the claim at once. The record is read before anything is written: the first request writes
     * its response into the record inside its own, still open transaction, and a plain read does not wait for that
     * (an insert on the same key would), so the twin learns at once that the first is in flight. A record past its
     * expiry is claimed again as if it were absent.
     */
    async claim(userId, key, requestHash, now, leaseUntil) {
        const existing = await this.tx.db.idempotencyKey.findUnique({
            where: { userId_key: { userId, key } },
            select: { requestHash: true, responseStatus: true, responseBody: true, expiresAt: true },
        });
        if (!existing) {
            const inserted = await this.tx.db.$executeRaw `
        INSERT INTO idempotency_keys (user_id, key, request_hash, created_at, expires_at)
        VALUES (${userId}::uuid, ${key}, ${requestHash}, ${now}::timestamptz, ${leaseUntil}::timestamptz)
        ON CONFLICT (user_id, key) DO NOTHING`;
            return inserted === 1 ? { kind: 'claimed' } : { kind: 'gone' };
        }
        if (existing.expiresAt <= now) {
            const { count } = await this.tx.db.idempotencyKey.updateMany({
                where: { userId, key, expiresAt: { lte: now } },
                data: { requestHash, responseStatus: null, responseBody: null, createdAt: now, expiresAt: leaseUntil },
            });
            return count === 1 ? { kind: 'claimed' } : { kind: 'gone' };
        }
        if (existing.responseStatus === null)
            return { kind: 'in-flight', requestHash: existing.requestHash };
        return { kind: 'stored', requestHash: existing.requestHash, status: existing.responseStatus, body: existing.responseBody ?? '' };
    }
    /** Stores the response; called inside the transaction that made it, so both commit or neither does. */
    async complete(userId, key, status, body, expiresAt) {
        await this.tx.db.idempotencyKey.update({
            where: { userId_key: { userId, key } },
            data: { responseStatus: status, responseBody: body, expiresAt },
            select: { userId: true },
        });
    }
    /** Drops an unfinished claim after a failure, so the client may retry with the same key. */
    async release(userId, key) {
        await this.tx.db.idempotencyKey.deleteMany({ where: { userId, key, responseStatus: null } });
    }
};
exports.IdempotencyRepository = IdempotencyRepository;
exports.IdempotencyRepository = IdempotencyRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], IdempotencyRepository);
//# sourceMappingURL=idempotency.repository.js.map