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
exports.ReviewSettingsService = exports.CONFIDENCE_LEVELS = exports.DEFAULT_CRITERIA = void 0;
exports.isReviewOpen = isReviewOpen;
exports.assertReviewOpen = assertReviewOpen;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const zoned_time_1 = require("../../../../libs/clock/zoned-time");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const review_settings_repository_1 = require("./review-settings.repository");
const reviews_errors_1 = require("./reviews.errors");
/** The criteria a new review form starts with; relevance to the event counts double. */
exports.DEFAULT_CRITERIA = [
    { key: 'relevance', name: 'Relevance', nameZh: '相关性', description: null, weight: 2 },
    { key: 'clarity', name: 'Clarity', nameZh: '清晰度', description: null, weight: 1 },
    { key: 'originality', name: 'Originality', nameZh: '原创性', description: null, weight: 1 },
    { key: 'expertise', name: 'Speaker expertise', nameZh: '讲者专业度', description: null, weight: 1 },
];
/** Confidence a reviewer states with a review: 1 low, 2 medium, 3 high (the weight in the calibrated score). */
exports.CONFIDENCE_LEVELS = [1, 2, 3];
function isReviewOpen(window, now) {
    return now.getTime() >= window.opensAt.getTime() && now.getTime() <= window.closesAt.getTime();
}
/** Reviews are written and edited from the opening instant to the closing one, both included. */
function assertReviewOpen(window, timezone, now) {
    if (now.getTime() < window.opensAt.getTime())
        throw reviews_errors_1.ReviewErrors.notOpenYet((0, zoned_time_1.toZonedIso)(window.opensAt, timezone), timezone);
    if (now.getTime() > window.closesAt.getTime())
        throw reviews_errors_1.ReviewErrors.closed((0, zoned_time_1.toZonedIso)(window.closesAt, timezone), timezone);
}
const criterionView = (c) => ({
    key: c.key,
    name: c.name,
    nameZh: c.nameZh,
    description: c.description,
    weight: c.weight,
    position: c.position,
});
let ReviewSettingsService = class ReviewSettingsService {
    settings;
    audit;
    tx;
    clock;
    constructor(settings, audit, tx, clock) {
        this.settings = settings;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    /** The settings, or the 404 every review route answers before an organiser has set them up. */
    async require(access) {
        const found = await this.settings.find(access.event.id);
        if (!found)
            throw reviews_errors_1.ReviewErrors.notConfigured(access.event.slug);
        return found;
    }
    async get(access) {
        return this.view(access, await this.require(access));
    }
    /** Creates or replaces the settings; criteria and scale are frozen once the first review exists. */
    async put(actor, access, input) {
        const timezone = access.event.timezone;
        const opensAt = this.instant(input.opensAt, 'opensAt', timezone);
        const closesAt = this.instant(input.closesAt, 'closesAt', timezone);
        if (closesAt.getTime() <= opensAt.getTime())
            throw reviews_errors_1.ReviewErrors.windowInvalid();
        const write = {
            scaleMin: input.scaleMin ?? 1,
            scaleMax: input.scaleMax ?? 5,
            reviewsPerSubmission: input.reviewsPerSubmission ?? 3,
            anonymised: input.anonymised ?? true,
            promoteFromWaitlist: input.promoteFromWaitlist ?? true,
            opensAt,
            closesAt,
        };
        if (write.scaleMax <= write.scaleMin)
            throw reviews_errors_1.ReviewErrors.scaleInvalid();
        const criteria = input.criteria?.map((c, position) => ({
            key: c.key,
            name: c.name,
            nameZh: c.nameZh ?? null,
            description: c.description ?? null,
            weight: c.weight,
            position,
        }));
        if (criteria)
            this.checkCriteria(criteria);
        await this.tx.run(async () => {
            await this.settings.lock(access.event.id);
            const before = await this.settings.find(access.event.id);
            const next = criteria ?? (before ? null : exports.DEFAULT_CRITERIA.map((c, position) => ({ ...c, position })));
            const criteriaChange = next !== null && (!before || JSON.stringify(before.criteria.map(criterionView)) !== JSON.stringify(next.map(stripToView)));
            const scaleChange = before !== null && (before.scaleMin !== write.scaleMin || before.scaleMax !== write.scaleMax);
            if (before && (criteriaChange || scaleChange) && (await this.settings.hasReviews(access.event.id))) {
                throw reviews_errors_1.ReviewErrors.criteriaLocked();
            }
            await this.settings.upsert(access.event.id, write);
            if (next && criteriaChange)
                await this.settings.replaceCriteria(access.event.id, next);
            const after = await this.settings.find(access.event.id);
            await this.audit.record({
                eventId: access.event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: before ? 'review.settings_updated' : 'review.settings_created',
                entityType: 'review_settings',
                entityId: access.event.id,
                before: before ? this.auditView(before) : null,
                after: after ? this.auditView(after) : null,
            });
        });
        return this.get(access);
    }
    view(access, s) {
        const timezone = access.event.timezone;
        return {
            eventSlug: access.event.slug,
            timezone,
            scaleMin: s.scaleMin,
            scaleMax: s.scaleMax,
            reviewsPerSubmission: s.reviewsPerSubmission,
            anonymised: s.anonymised,
            promoteFromWaitlist: s.promoteFromWaitlist,
            opensAt: s.opensAt,
            opensAtLocal: (0, zoned_time_1.toZonedIso)(s.opensAt, timezone),
            closesAt: s.closesAt,
            closesAtLocal: (0, zoned_time_1.toZonedIso)(s.closesAt, timezone),
            isOpen: isReviewOpen(s, this.clock.now()),
            criteria: s.criteria.map(criterionView),
            confidenceLevels: exports.CONFIDENCE_LEVELS,
        };
    }
    auditView(s) {
        const { criteria, updatedAt: _updatedAt, eventId: _eventId, ...rest } = s;
        return { ...rest, criteria: criteria.map(criterionView) };
    }
    checkCriteria(criteria) {
        const errors = [];
        const seen = new Set();
        criteria.forEach((c, i) => {
            if (seen.has(c.key))
                errors.push({ field: `criteria.${i}.key`, code: 'invalid' });
            seen.add(c.key);
        });
        if (errors.length > 0)
            throw reviews_errors_1.ReviewErrors.criteriaInvalid(errors);
    }
    instant(text, field, timezone) {
        const instant = (0, zoned_time_1.parseZonedDateTime)(text, timezone);
        if (!instant)
            throw domain_error_1.CommonErrors.validation([{ field, code: 'isIso8601' }]);
        return instant;
    }
};
exports.ReviewSettingsService = ReviewSettingsService;
exports.ReviewSettingsService = ReviewSettingsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [review_settings_repository_1.ReviewSettingsRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock])
], ReviewSettingsService);
const stripToView = (c) => ({
    key: c.key,
    name: c.name,
    nameZh: c.nameZh,
    description: c.description,
    weight: c.weight,
    position: c.position,
});
//# sourceMappingURL=review-settings.service.js.map