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
exports.WaitlistService = void 0;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const config_module_1 = require("../../../../libs/config/config.module");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const inventory_repository_1 = require("./inventory.repository");
const registrations_repository_1 = require("./registrations.repository");
/**
 * The waiting list: a freed seat goes to the longest-waiting person whose ticket type fits, as an offer that holds
 * the seat until it expires; an expired offer is cancelled and its seat offered to the next person. Runs after a
 * cancellation, on the worker's schedule, and lazily before a registration that would otherwise jump the queue,
 * so no outcome depends on when the schedule fires.
 */
let WaitlistService = class WaitlistService {
    inventory;
    registrations;
    audit;
    tx;
    clock;
    config;
    constructor(inventory, registrations, audit, tx, clock, config) {
        this.inventory = inventory;
        this.registrations = registrations;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.config = config;
    }
    processEvent(eventId, requestId = null) {
        const now = this.clock.now();
        return this.tx.run(async () => {
            await this.inventory.lockEvent(eventId);
            return this.processLocked(eventId, now, requestId);
        });
    }
    /** Every event with waiting-list work, each in its own transaction; what the worker's job runs. */
    async processDue() {
        const eventIds = await this.inventory.eventsWithWaitlistWork(this.clock.now());
        const total = { events: eventIds.length, expired: 0, offered: 0 };
        for (const eventId of eventIds) {
            const result = await this.processEvent(eventId);
            total.expired += result.expired;
            total.offered += result.offered;
        }
        return total;
    }
    /** The caller's transaction holds the event's exclusive lock. */
    async processLocked(eventId, now, requestId) {
        const expired = await this.registrations.expireOffers(eventId, now);
        for (const entry of expired) {
            await this.audit.record({
                eventId,
                requestId,
                action: 'registration.offer_expired',
                entityType: 'registration',
                entityId: entry.id,
                before: { state: 'WAITLISTED' },
                after: { state: 'CANCELLED', cancelReason: 'OFFER_EXPIRED' },
            });
            await this.audit.publish('registration.cancelled', { eventId, registrationId: entry.id });
        }
        const limits = await this.inventory.usage(eventId, null, now);
        const free = limits.map(inventory_repository_1.freeSeats);
        const expiresAt = new Date(now.getTime() + this.config.registrations.offerTtlSeconds * 1000);
        let offered = 0;
        for (;;) {
            const blocked = new Set(limits.flatMap((limit, i) => (free[i] <= 0 ? limit.types : [])));
            const next = await this.registrations.nextWaiting(eventId, [...blocked]);
            if (!next)
                break;
            await this.registrations.offer(next.id, expiresAt, now);
            limits.forEach((limit, i) => {
                if (limit.types.includes(next.ticketTypeId))
                    free[i] -= 1;
            });
            await this.audit.record({
                eventId,
                requestId,
                action: 'registration.waitlist_offered',
                entityType: 'registration',
                entityId: next.id,
                after: { offerExpiresAt: expiresAt.toISOString() },
            });
            await this.audit.publish('waitlist.offered', { eventId, registrationId: next.id, expiresAt: expiresAt.toISOString() });
            offered += 1;
        }
        return { expired: expired.length, offered };
    }
};
exports.WaitlistService = WaitlistService;
exports.WaitlistService = WaitlistService = __decorate([
    (0, common_1.Injectable)(),
    __param(5, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [inventory_repository_1.InventoryRepository,
        registrations_repository_1.RegistrationsRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock, Object])
], WaitlistService);
//# sourceMappingURL=waitlist.service.js.map