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
exports.ReviewSettingsRepository = void 0;
const common_1 = require("@nestjs/common");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const SETTINGS_FIELDS = {
    eventId: true,
    scaleMin: true,
    scaleMax: true,
    reviewsPerSubmission: true,
    anonymised: true,
    opensAt: true,
    closesAt: true,
    promoteFromWaitlist: true,
    updatedAt: true,
    criteria: {
        select: { id: true, key: true, name: true, nameZh: true, description: true, weight: true, position: true },
        orderBy: [{ position: 'asc' }, { key: 'asc' }],
    },
};
let ReviewSettingsRepository = class ReviewSettingsRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    find(eventId) {
        return this.tx.db.reviewSettings.findUnique({ where: { eventId }, select: SETTINGS_FIELDS });
    }
    /**
     * Settings change under this row lock; every review write holds it shared (lockShared), so criteria and scale
     * never change under a review being scored.
     */
    async lock(eventId) {
        await this.tx.db.$queryRaw `SELECT event_id FROM review_settings WHERE event_id = ${eventId}::uuid FOR UPDATE`;
    }
    async lockShared(eventId) {
        await this.tx.db.$queryRaw `SELECT event_id FROM review_settings WHERE event_id = ${eventId}::uuid FOR SHARE`;
    }
    async upsert(eventId, write) {
        await this.tx.db.reviewSettings.upsert({ where: { eventId }, create: { eventId, ...write }, update: write });
    }
    async replaceCriteria(eventId, criteria) {
        await this.tx.db.reviewCriterion.deleteMany({ where: { eventId } });
        await this.tx.db.reviewCriterion.createMany({ data: criteria.map((c) => ({ ...c, eventId })) });
    }
    async hasReviews(eventId) {
        return (await this.tx.db.review.findFirst({ where: { eventId }, select: { id: true } })) !== null;
    }
};
exports.ReviewSettingsRepository = ReviewSettingsRepository;
exports.ReviewSettingsRepository = ReviewSettingsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], ReviewSettingsRepository);
//# sourceMappingURL=review-settings.repository.js.map