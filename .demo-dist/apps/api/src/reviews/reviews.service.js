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
exports.ReviewsService = void 0;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const prisma_errors_1 = require("../../../../libs/database/prisma-errors");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const cursor_1 = require("../http/cursor");
const calibration_1 = require("./calibration");
const assignments_repository_1 = require("./assignments.repository");
const conflicts_repository_1 = require("./conflicts.repository");
const review_settings_repository_1 = require("./review-settings.repository");
const review_settings_service_1 = require("./review-settings.service");
const reviews_errors_1 = require("./reviews.errors");
const reviews_repository_1 = require("./reviews.repository");
/**
 * What a reviewer sees of a submission, built field by field from an allow-list: nothing about its speakers
 * unless the event turned anonymisation off, and then only name, company and job title.
 */
function reviewerSubmissionView(row, anonymised) {
    return {
        id: row.id,
        code: row.code,
        title: row.title,
        abstract: row.abstract,
        level: row.level,
        language: row.language,
        format: row.format_slug && row.format_name ? { slug: row.format_slug, name: row.format_name, durationMinutes: row.duration_minutes ?? 0 } : null,
        track: row.track_slug && row.track_name ? { slug: row.track_slug, name: row.track_name } : null,
        ...(anonymised
            ? {}
            : { speakers: (row.speakers ?? []).map((s) => ({ name: s.name, company: s.company, jobTitle: s.jobTitle })) }),
        review: ownReviewView(row),
    };
}
function ownReviewView(row) {
    if (row.review_id === null || row.score === null || row.confidence === null || !row.review_created_at || !row.review_updated_at)
        return null;
    return {
        scores: row.scores ?? {},
        score: row.score,
        confidence: row.confidence,
        committeeComment: row.committee_comment,
        speakerComment: row.speaker_comment,
        createdAt: row.review_created_at,
        updatedAt: row.review_updated_at,
    };
}
function rankedView(row, wanted) {
    return {
        id: row.id,
        code: row.code,
        title: row.title,
        state: row.state,
        track: row.track_slug && row.track_name ? { slug: row.track_slug, name: row.track_name } : null,
        format: row.format_slug && row.format_name ? { slug: row.format_slug, name: row.format_name } : null,
        reviews: row.reviews,
        assigned: row.assigned,
        wanted,
        mean: row.mean,
        median: row.median,
        calibrated: row.calibrated,
        rankOverall: row.rank_overall,
        rankInTrack: row.rank_in_track,
        rankInFormat: row.rank_in_format,
        decision: row.decision,
        decisionReleasedAt: row.released_at,
    };
}
const scoresByKey = (scores) => Object.fromEntries(scores.map((s) => [s.criterion.key, s.score]));
let ReviewsService = class ReviewsService {
    reviews;
    assignments;
    conflicts;
    settingsRepository;
    settings;
    audit;
    tx;
    clock;
    constructor(reviews, assignments, conflicts, settingsRepository, settings, audit, tx, clock) {
        this.reviews = reviews;
        this.assignments = assignments;
        this.conflicts = conflicts;
        this.settingsRepository = settingsRepository;
        this.settings = settings;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    /** The caller's assignments with their own scores: the settings and one statement per page. */
    async listAssigned(actor, access, query) {
        const settings = await this.settings.require(access);
        const limit = query.limit ?? 50;
        const after = query.cursor ? (0, cursor_1.decodeCursor)(query.cursor, ['string'])[0] : null;
        const rows = await this.reviews.reviewerPage({
            eventId: access.event.id,
            reviewerId: actor.id,
            after,
            limit,
            reviewed: query.status === undefined ? null : query.status === 'REVIEWED',
            withSpeakers: !settings.anonymised,
        });
        const progress = { assigned: rows[0]?.assigned ?? 0, reviewed: rows[0]?.reviewed ?? 0 };
        const found = rows.filter((row) => row.id !== null);
        const page = found.slice(0, limit);
        return {
            items: page.map((row) => reviewerSubmissionView(row, settings.anonymised)),
            nextCursor: found.length > limit ? (0, cursor_1.encodeCursor)([page[page.length - 1].code]) : null,
            progress,
            anonymised: settings.anonymised,
        };
    }
    async getAssigned(actor, access, submissionId) {
        const settings = await this.settings.require(access);
        const row = await this.reviews.reviewerDetail(access.event.id, actor.id, submissionId, !settings.anonymised);
        if (!row)
            throw reviews_errors_1.ReviewErrors.submissionNotFound();
        return this.detailView(row, settings);
    }
    /** The first review of an assigned submission; a second one (even a concurrent one) is refused by the unique key. */
    async create(actor, access, submissionId, input) {
        await this.tx.run(async () => {
            const settings = await this.lockedSettings(access);
            const visible = await this.reviews.visibleAssignment(access.event.id, actor.id, submissionId);
            if (!visible)
                throw reviews_errors_1.ReviewErrors.submissionNotFound();
            if (visible.reviewId)
                throw reviews_errors_1.ReviewErrors.reviewExists();
            (0, review_settings_service_1.assertReviewOpen)(settings, access.event.timezone, this.clock.now());
            const { write, scores, byKey } = this.checked(settings, input);
            let id;
            try {
                id = await this.reviews.createReview({ eventId: access.event.id, submissionId, reviewerId: actor.id }, write, scores);
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error))
                    throw reviews_errors_1.ReviewErrors.reviewExists();
                throw error;
            }
            await this.record(actor, access, 'review.created', id, null, { submissionId, ...write, scores: byKey });
        });
        return this.getAssigned(actor, access, submissionId);
    }
    /** Replaces the caller's review, while the review window is open. */
    async update(actor, access, submissionId, input) {
        await this.tx.run(async () => {
            const settings = await this.lockedSettings(access);
            const visible = await this.reviews.visibleAssignment(access.event.id, actor.id, submissionId);
            if (!visible)
                throw reviews_errors_1.ReviewErrors.submissionNotFound();
            if (!visible.reviewId)
                throw reviews_errors_1.ReviewErrors.reviewNotFound();
            (0, review_settings_service_1.assertReviewOpen)(settings, access.event.timezone, this.clock.now());
            const { write, scores, byKey } = this.checked(settings, input);
            const before = await this.reviews.findReview(visible.reviewId);
            await this.reviews.updateReview(visible.reviewId, write, scores);
            await this.record(actor, access, 'review.updated', visible.reviewId, before ? { ...before, scores: scoresByKey(before.scores) } : null, { submissionId, ...write, scores: byKey });
        });
        return this.getAssigned(actor, access, submissionId);
    }
    /**
     * A reviewer recuses themselves: the conflict is recorded, their assignment and any review of theirs go, and
     * from then on the submission does not exist for them.
     */
    async declareConflict(actor, access, submissionId, input) {
        await this.settings.require(access);
        await this.tx.run(async () => {
            await this.assignments.lock(access.event.id);
            const visible = await this.reviews.visibleAssignment(access.event.id, actor.id, submissionId);
            if (!visible)
                throw reviews_errors_1.ReviewErrors.submissionNotFound();
            const conflict = await this.conflicts.declare(access.event.id, actor.id, submissionId, input.reason ?? null);
            const { hadReview } = await this.assignments.removePair(submissionId, actor.id);
            await this.audit.record({
                eventId: access.event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'review.conflict_declared',
                entityType: 'review_conflict',
                entityId: conflict.id,
                after: { reviewerId: actor.id, submissionId, reason: conflict.reason, reviewRemoved: hadReview },
            });
        });
    }
    /** Organisers' ranking: settings plus one statement per page, whatever its size. */
    async ranking(access, query) {
        const settings = await this.settings.require(access);
        const limit = query.limit ?? 50;
        const afterRank = query.cursor ? (0, cursor_1.decodeCursor)(query.cursor, ['number'])[0] : null;
        if (afterRank !== null && (!Number.isInteger(afterRank) || afterRank < 0))
            throw reviews_errors_1.ReviewErrors.cursorInvalid();
        const rows = await this.reviews.rankingPage({
            eventId: access.event.id,
            track: query.track ?? null,
            format: query.format ?? null,
            afterRank,
            limit,
        });
        const page = rows.slice(0, limit);
        return {
            items: page.map((row) => rankedView(row, settings.reviewsPerSubmission)),
            nextCursor: rows.length > limit ? (0, cursor_1.encodeCursor)([page[page.length - 1].rank_overall]) : null,
        };
    }
    async progress(access) {
        const settings = await this.settings.require(access);
        const wanted = settings.reviewsPerSubmission;
        const tracks = await this.reviews.progressByTrack(access.event.id, wanted);
        const reviewers = await this.reviews.progressByReviewer(access.event.id);
        const trackViews = tracks.map((t) => ({
            track: t.slug,
            name: t.name,
            submissions: t.submissions,
            wanted: t.submissions * wanted,
            done: t.done,
            reviews: t.reviews,
            assigned: t.assigned,
        }));
        const sum = (key) => trackViews.reduce((total, t) => total + t[key], 0);
        return {
            reviewsPerSubmission: wanted,
            overall: { track: null, name: null, submissions: sum('submissions'), wanted: sum('wanted'), done: sum('done'), reviews: sum('reviews'), assigned: sum('assigned') },
            tracks: trackViews,
            reviewers: reviewers.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, tracks: r.tracks, assigned: r.assigned, reviewed: r.reviewed })),
        };
    }
    /** Organisers: every assignment of one submission with its reviewer and review. */
    async submissionReviews(access, submissionId) {
        const submission = await this.reviews.submissionInEvent(access.event.id, submissionId);
        if (!submission || submission.state === 'DRAFT')
            throw reviews_errors_1.ReviewErrors.submissionNotInEvent();
        const rows = await this.reviews.submissionReviews(access.event.id, submissionId);
        return rows.map((row) => ({
            assignmentId: row.id,
            reviewer: row.reviewer,
            automatic: row.automatic,
            review: row.review
                ? {
                    scores: scoresByKey(row.review.scores),
                    score: row.review.score,
                    confidence: row.review.confidence,
                    committeeComment: row.review.committeeComment,
                    speakerComment: row.review.speakerComment,
                    createdAt: row.review.createdAt,
                    updatedAt: row.review.updatedAt,
                }
                : null,
        }));
    }
    detailView(row, settings) {
        return {
            ...reviewerSubmissionView(row, settings.anonymised),
            description: row.description,
            answers: (row.answers ?? []).map((a) => ({ questionId: a.questionId, label: a.label, value: a.value })),
            editable: (0, review_settings_service_1.isReviewOpen)(settings, this.clock.now()),
        };
    }
    /** Settings read under their shared lock, so criteria and scale cannot change while this review is written. */
    async lockedSettings(access) {
        await this.settingsRepository.lockShared(access.event.id);
        return this.settings.require(access);
    }
    /** Every criterion scored once, in whole numbers on the scale, and nothing else; all problems reported at once. */
    checked(settings, input) {
        const errors = [];
        const keys = new Set(settings.criteria.map((c) => c.key));
        for (const key of Object.keys(input.scores)) {
            if (!keys.has(key))
                errors.push({ field: `scores.${key}`, code: 'unknownField' });
        }
        const byKey = {};
        for (const criterion of settings.criteria) {
            const field = `scores.${criterion.key}`;
            const value = input.scores[criterion.key];
            if (value === undefined || value === null)
                errors.push({ field, code: 'isDefined' });
            else if (typeof value !== 'number' || !Number.isInteger(value))
                errors.push({ field, code: 'isInt' });
            else if (value < settings.scaleMin)
                errors.push({ field, code: 'min', params: { min: settings.scaleMin } });
            else if (value > settings.scaleMax)
                errors.push({ field, code: 'max', params: { max: settings.scaleMax } });
            else
                byKey[criterion.key] = value;
        }
        if (errors.length > 0)
            throw reviews_errors_1.ReviewErrors.scoresInvalid(errors);
        const write = {
            score: (0, calibration_1.weightedScore)(byKey, settings.criteria),
            confidence: input.confidence,
            committeeComment: input.committeeComment ?? null,
            speakerComment: input.speakerComment?.trim() ? input.speakerComment : null,
        };
        const scores = settings.criteria.map((c) => ({ criterionId: c.id, score: byKey[c.key] }));
        return { write, scores, byKey };
    }
    async record(actor, access, action, id, before, after) {
        await this.audit.record({ eventId: access.event.id, actorId: actor.id, requestId: actor.requestId, action, entityType: 'review', entityId: id, before, after });
    }
};
exports.ReviewsService = ReviewsService;
exports.ReviewsService = ReviewsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [reviews_repository_1.ReviewsRepository,
        assignments_repository_1.AssignmentsRepository,
        conflicts_repository_1.ConflictsRepository,
        review_settings_repository_1.ReviewSettingsRepository,
        review_settings_service_1.ReviewSettingsService,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock])
], ReviewsService);
//# sourceMappingURL=reviews.service.js.map