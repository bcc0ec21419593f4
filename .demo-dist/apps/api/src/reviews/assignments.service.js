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
exports.AssignmentsService = void 0;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const assignment_1 = require("./assignment");
const assignments_repository_1 = require("./assignments.repository");
const conflicts_repository_1 = require("./conflicts.repository");
const review_settings_service_1 = require("./review-settings.service");
const reviews_errors_1 = require("./reviews.errors");
const assignmentView = (a) => ({
    id: a.id,
    submissionId: a.submissionId,
    reviewerId: a.reviewerId,
    automatic: a.automatic,
    reviewed: a.review !== null,
    createdAt: a.createdAt,
});
const conflictView = (c) => ({
    id: c.id,
    reviewerId: c.reviewerId,
    reviewerName: c.reviewer.name,
    submissionId: c.submissionId,
    submissionCode: c.submission.code,
    submissionTitle: c.submission.title,
    reason: c.reason,
    createdAt: c.createdAt,
});
let AssignmentsService = class AssignmentsService {
    assignments;
    conflicts;
    settings;
    audit;
    tx;
    constructor(assignments, conflicts, settings, audit, tx) {
        this.assignments = assignments;
        this.conflicts = conflicts;
        this.settings = settings;
        this.audit = audit;
        this.tx = tx;
    }
    /**
     * The balanced automatic assignment (see assignment.ts), in one transaction under the event's assignment lock:
     * stale unreviewed assignments go, then each submitted proposal is topped up to the wanted number of reviewers.
     * Running it again adds nothing unless something changed in between.
     */
    async runAutomatic(actor, access) {
        const eventId = access.event.id;
        const settings = await this.settings.require(access);
        return this.tx.run(async () => {
            await this.assignments.lock(eventId);
            const removed = await this.assignments.removeStale(eventId);
            const pool = await this.assignments.pool(eventId);
            const reviewers = await this.assignments.reviewers(eventId);
            const existing = await this.assignments.existingPairs(eventId);
            const conflicts = await this.conflicts.pairsForReviewers(eventId);
            const plan = (0, assignment_1.planAssignments)({
                items: pool.map((s) => ({ id: s.id, group: s.trackId })),
                raters: reviewers.map((r) => ({ id: r.userId, groups: r.trackIds.length > 0 ? new Set(r.trackIds) : null })),
                perItem: settings.reviewsPerSubmission,
                existing: existing.map((p) => ({ raterId: p.reviewerId, itemId: p.submissionId })),
                conflicts: conflicts.map((p) => ({ raterId: p.reviewer_id, itemId: p.submission_id })),
            });
            const added = await this.assignments.insertMany(eventId, plan.added.map((p) => ({ reviewerId: p.raterId, submissionId: p.itemId })), true);
            const loads = [...plan.loads.values()];
            const result = {
                submissions: pool.length,
                reviewers: reviewers.length,
                reviewsPerSubmission: settings.reviewsPerSubmission,
                added,
                removed: removed.length,
                understaffed: plan.understaffed.length,
                loads: { min: loads.length > 0 ? Math.min(...loads) : 0, max: loads.length > 0 ? Math.max(...loads) : 0 },
            };
            if (added > 0 || removed.length > 0) {
                await this.audit.record({
                    eventId,
                    actorId: actor.id,
                    requestId: actor.requestId,
                    action: 'review.assignments_generated',
                    entityType: 'event',
                    entityId: eventId,
                    before: { removed: removed.map((p) => ({ reviewerId: p.reviewer_id, submissionId: p.submission_id })) },
                    after: { ...result, added: plan.added.map((p) => ({ reviewerId: p.raterId, submissionId: p.itemId })) },
                });
            }
            return result;
        }, { timeoutMs: 60_000 });
    }
    /** An organiser's own pick; the same rules as the automatic run (role, state, track limit, conflicts). */
    async add(actor, access, input) {
        const eventId = access.event.id;
        await this.settings.require(access);
        const created = await this.tx.run(async () => {
            await this.assignments.lock(eventId);
            if (!(await this.assignments.isReviewer(eventId, input.reviewerId)))
                throw reviews_errors_1.ReviewErrors.reviewerNotFound();
            const submission = await this.assignments.submissionInEvent(eventId, input.submissionId);
            if (!submission || submission.state === client_1.SubmissionState.DRAFT)
                throw reviews_errors_1.ReviewErrors.submissionNotInEvent();
            if (submission.origin !== client_1.SubmissionOrigin.CFP || submission.state !== client_1.SubmissionState.SUBMITTED) {
                throw reviews_errors_1.ReviewErrors.notReviewable(submission.origin === client_1.SubmissionOrigin.CFP ? submission.state : client_1.SubmissionOrigin.INVITED);
            }
            if (await this.assignments.findPair(submission.id, input.reviewerId))
                throw reviews_errors_1.ReviewErrors.assignmentExists();
            const tracks = await this.assignments.reviewerTrackIds(eventId, input.reviewerId);
            if (tracks.length > 0 && !tracks.some((t) => t.trackId === submission.trackId))
                throw reviews_errors_1.ReviewErrors.trackRestricted();
            if (await this.conflicts.isConflicted(eventId, input.reviewerId, submission.id))
                throw reviews_errors_1.ReviewErrors.conflict();
            const assignment = await this.assignments.create(eventId, submission.id, input.reviewerId);
            await this.record(actor, access, 'review.assigned', 'review_assignment', assignment.id, null, assignmentView(assignment));
            return assignment;
        });
        return assignmentView(created);
    }
    async remove(actor, access, id) {
        await this.tx.run(async () => {
            await this.assignments.lock(access.event.id);
            const assignment = await this.assignments.find(access.event.id, id);
            if (!assignment)
                throw reviews_errors_1.ReviewErrors.assignmentNotFound();
            if (assignment.review)
                throw reviews_errors_1.ReviewErrors.assignmentReviewed();
            await this.assignments.delete(id);
            await this.record(actor, access, 'review.unassigned', 'review_assignment', id, assignmentView(assignment), null);
        });
    }
    /** Limits a reviewer to some tracks (the next automatic run follows it); an empty list lifts the limit. */
    async setTracks(actor, access, userId, input) {
        const eventId = access.event.id;
        const slugs = [...new Set(input.tracks)];
        return this.tx.run(async () => {
            await this.assignments.lock(eventId);
            if (!(await this.assignments.isReviewer(eventId, userId)))
                throw reviews_errors_1.ReviewErrors.reviewerNotFound();
            const tracks = await this.assignments.tracksBySlug(eventId, slugs);
            const unknown = slugs.find((slug) => !tracks.some((t) => t.slug === slug));
            if (unknown)
                throw reviews_errors_1.ReviewErrors.unknownTrack(unknown);
            const before = await this.assignments.reviewerTrackIds(eventId, userId);
            await this.assignments.setReviewerTracks(eventId, userId, tracks.map((t) => t.id));
            const view = { userId, tracks: tracks.map((t) => t.slug).sort() };
            await this.record(actor, access, 'review.reviewer_tracks_set', 'reviewer', userId, { trackIds: before.map((t) => t.trackId) }, view);
            return view;
        });
    }
    /** An organiser records a conflict on a reviewer's behalf; any assignment and review of theirs on it go. */
    async declareConflict(actor, access, input) {
        const eventId = access.event.id;
        return this.tx.run(async () => {
            await this.assignments.lock(eventId);
            if (!(await this.assignments.isReviewer(eventId, input.reviewerId)))
                throw reviews_errors_1.ReviewErrors.reviewerNotFound();
            const submission = await this.assignments.submissionInEvent(eventId, input.submissionId);
            if (!submission || submission.state === client_1.SubmissionState.DRAFT)
                throw reviews_errors_1.ReviewErrors.submissionNotInEvent();
            const conflict = await this.conflicts.declare(eventId, input.reviewerId, submission.id, input.reason ?? null);
            const { hadReview } = await this.assignments.removePair(submission.id, input.reviewerId);
            await this.record(actor, access, 'review.conflict_declared', 'review_conflict', conflict.id, null, {
                reviewerId: input.reviewerId,
                submissionId: submission.id,
                reason: conflict.reason,
                reviewRemoved: hadReview,
            });
            return conflictView(conflict);
        });
    }
    async listConflicts(access) {
        return (await this.conflicts.list(access.event.id)).map(conflictView);
    }
    /** Lifting a declared conflict does not restore a removed assignment; the next run (or an organiser) may. */
    async deleteConflict(actor, access, id) {
        await this.tx.run(async () => {
            const conflict = await this.conflicts.find(access.event.id, id);
            if (!conflict)
                throw reviews_errors_1.ReviewErrors.conflictNotFound();
            await this.conflicts.delete(id);
            await this.record(actor, access, 'review.conflict_lifted', 'review_conflict', id, conflictView(conflict), null);
        });
    }
    async record(actor, access, action, entityType, entityId, before, after) {
        await this.audit.record({ eventId: access.event.id, actorId: actor.id, requestId: actor.requestId, action, entityType, entityId, before, after });
    }
};
exports.AssignmentsService = AssignmentsService;
exports.AssignmentsService = AssignmentsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [assignments_repository_1.AssignmentsRepository,
        conflicts_repository_1.ConflictsRepository,
        review_settings_service_1.ReviewSettingsService,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost])
], AssignmentsService);
//# sourceMappingURL=assignments.service.js.map