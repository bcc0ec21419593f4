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
exports.InventoryRepository = exports.freeSeats = void 0;
exports.lockKey = lockKey;
exports.isLockTimeout = isLockTimeout;
const common_1 = require("@nestjs/common");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
/**
 * Advisory-lock key spaces. The space sits in the key's top byte, so sorting keys numerically puts an event's
 * structure lock first, then its capacity, its quotas and its vouchers: every transaction takes its locks in that
 * one order and two of them never wait on each other in a cycle (pretix's scheme, see the research note). The
 * seat-check trigger in the registration migration computes the same keys (lectern_lock_key).
 */
const SPACE = { structure: 1n, capacity: 2n, quota: 3n, voucher: 4n };
/** 56 bits of the id under the key space; two ids sharing them only serialise a little more, never less. */
function lockKey(space, id) {
    return (SPACE[space] << 56n) | BigInt(`0x${id.replace(/-/g, '').slice(0, 14)}`);
}
const freeSeats = (limit) => (limit.size === null ? Infinity : limit.size - limit.taken - limit.held);
exports.freeSeats = freeSeats;
/** Seat accounting: the event-wide locks, and availability counted from the registrations themselves. */
let InventoryRepository = class InventoryRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    /**
     * Takes the event's structure lock exclusively until the transaction ends: no registration of the event can
     * commit meanwhile (the seat-check trigger takes it shared first), so the caller may count and change seats
     * across all of the event's limits. A lock not granted within the timeout fails instead of queueing forever.
     */
    async lockEvent(eventId, timeoutMs = 5_000) {
        await this.tx.db.$executeRaw `
      SELECT set_config('lock_timeout', ${`${timeoutMs}ms`}, true), pg_advisory_xact_lock(${lockKey('structure', eventId).toString()}::bigint)`;
    }
    /** Orders a change of the voucher's limit against the registrations that redeem it. */
    async lockVoucher(voucherId, timeoutMs = 5_000) {
        await this.tx.db.$executeRaw `
      SELECT set_config('lock_timeout', ${`${timeoutMs}ms`}, true), pg_advisory_xact_lock(${lockKey('voucher', voucherId).toString()}::bigint)`;
    }
    /**
     * The limits of the event (or only those that `ticketTypeId` draws on) with their use at `now`, counted from
     * the registrations themselves by the database function the seat check uses too (no counter that could drift,
     * one definition of a seat in use). Under the event's exclusive lock this is the truth; without it, it may only
     * be used to refuse early (a full limit stays full until someone cancels, and a refusal before that
     * cancellation is a correct answer) or to predict what the seat check will decide.
     */
    async usage(eventId, ticketTypeId, now) {
        return this.tx.db.$queryRaw `
      SELECT kind, id::text AS id, size, types::text[] AS types, taken, held, expired, waiting
      FROM lectern_seat_usage(${eventId}::uuid, ${ticketTypeId}::uuid, ${now}::timestamptz)`;
    }
    /** Events where the waiting list needs work: offers that ran out, or people waiting without an offer. */
    async eventsWithWaitlistWork(now) {
        const rows = await this.tx.db.$queryRaw `
      SELECT DISTINCT event_id::text AS event_id FROM registrations
      WHERE state = 'WAITLISTED' AND (offer_expires_at IS NULL OR offer_expires_at <= ${now}::timestamptz)`;
        return rows.map((r) => r.event_id);
    }
};
exports.InventoryRepository = InventoryRepository;
exports.InventoryRepository = InventoryRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], InventoryRepository);
/** True when Postgres gave up waiting for a lock (SQLSTATE 55P03), however the driver adapter wrapped it. */
function isLockTimeout(error) {
    if (!(error instanceof Error))
        return false;
    const text = `${error.message} ${JSON.stringify(error.meta ?? {})} ${String(error.cause ?? '')}`;
    return text.includes('55P03') || /lock timeout/i.test(text);
}
//# sourceMappingURL=inventory.repository.js.map