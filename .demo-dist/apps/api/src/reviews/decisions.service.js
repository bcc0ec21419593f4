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
exports.DecisionsService = void 0;
exports.releasedDecision = releasedDecision;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const cfp_errors_1 = require("../cfp/cfp.errors");
const submission_state_machine_1 = require("../cfp/submission-state.machine");
const submissions_service_1 = require("../cfp/submissions.service");
const decisions_repository_1 = require("./decisions.repository");
const review_settings_repository_1 = require("./review-settings.repository");
const reviews_errors_1 = require("./reviews.errors");
/** What a speaker may learn from their submission's state: the released decision, nothing before. */
function releasedDecision(state) {
    switch (state) {
        case client_1.SubmissionState.ACCEPTED:
        case client_1.SubmissionState.CONFIRMED:
        case client_1.SubmissionState.DECLINED:
            return client_1.ReviewDecision.ACCEPTED;
        case client_1.SubmissionState.REJECTED:
            return client_1.ReviewDecision.REJECTED;
        case client_1.SubmissionState.WAITLISTED:
            return client_1.ReviewDecision.WAITLISTED;
        default:
            return null;
    }
}
/** A quota given as a share: rounded to the nearest whole talk. */
const share = (size, percent) => Math.round((size * percent) / 100);
const isTransitionRefusal = (error) => error instanceof domain_error_1.DomainError && error.code === 'SUBMISSION_TRANSITION';
let DecisionsService = class DecisionsService {
    decisions;
    settings;
    submissions;
    audit;
    tx;
    clock;
    constructor(decisions, settings, submissions, audit, tx, clock) {
        this.decisions = decisions;
        this.settings = settings;
        this.submissions = submissions;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    /**
     * Records an organiser's decision; the speakers see it only once it is released. The state machine already
     * vets it (a submitted or waitlisted proposal may be accepted, rejected or waitlisted), so a withdrawn or
     * already accepted one is refused now rather than at release.
     */
    async decide(actor, access, submissionId, decision) {
        return this.tx.run(async () => {
            await this.decisions.lock(access.event.id);
            const submission = await this.decisions.lockSubmission(access.event.id, submissionId);
            if (!submission || submission.state === client_1.SubmissionState.DRAFT)
                throw reviews_errors_1.ReviewErrors.submissionNotInEvent();
            if (submission.origin !== client_1.SubmissionOrigin.CFP)
                throw reviews_errors_1.ReviewErrors.notReviewable(client_1.SubmissionOrigin.INVITED);
            (0, submission_state_machine_1.assertTransition)(submission.state, decision);
            const before = await this.decisions.findDecision(submissionId);
            const now = this.clock.now();
            await this.decisions.upsert(access.event.id, submissionId, decision, now, null);
            await this.recordDecision(actor, access, submissionId, before?.releasedAt === null ? before.decision : null, decision);
            return { submissionId, decision, decidedAt: now, releasedAt: null };
        });
    }
    /** Takes back a decision that is not released yet. */
    async clear(actor, access, submissionId) {
        await this.tx.run(async () => {
            await this.decisions.lock(access.event.id);
            const before = await this.decisions.findDecision(submissionId);
            const submission = before ? await this.decisions.lockSubmission(access.event.id, submissionId) : null;
            if (!before || !submission || before.releasedAt !== null)
                throw reviews_errors_1.ReviewErrors.decisionNotFound();
            await this.decisions.delete(submissionId);
            await this.recordDecision(actor, access, submissionId, before.decision, null);
        });
    }
    /**
     * "Accept the top 20% of each track": ranks the submitted, undecided proposals of each group by the review
     * ranking, accepts the best, waitlists the next, optionally rejects the rest. Everything is decided in one
     * transaction with those proposals locked; nothing is released.
     */
    async bulk(actor, access, input) {
        const groupBy = input.groupBy ?? 'TRACK';
        this.checkBulkShape(input, groupBy);
        const eventId = access.event.id;
        return this.tx.run(async () => {
            await this.decisions.lock(eventId);
            await this.decisions.lockUndecided(eventId);
            const labels = await this.decisions.groups(eventId);
            const named = groupBy === 'TRACK' ? (labels?.tracks ?? []) : groupBy === 'FORMAT' ? (labels?.sessionFormats ?? []) : [];
            const acceptQuotas = this.quotas(input.acceptQuotas, 'acceptQuotas', named);
            const waitlistQuotas = this.quotas(input.waitlistQuotas, 'waitlistQuotas', named);
            const ranked = await this.decisions.rankedUndecided(eventId);
            const groups = new Map();
            const keyOf = (row) => groupBy === 'TRACK' ? row.track_id : groupBy === 'FORMAT' ? row.format_id : 'event';
            for (const g of named)
                groups.set(g.id, { key: g.id, group: g.slug, name: g.name, ids: [], accept: null, waitlist: 0 });
            for (const row of ranked) {
                const key = keyOf(row);
                if (!groups.has(key))
                    groups.set(key, { key, group: null, name: null, ids: [], accept: null, waitlist: 0 });
                groups.get(key).ids.push(row.id);
            }
            const planned = [];
            const summary = [];
            for (const g of groups.values()) {
                const n = g.ids.length;
                const accept = input.acceptPercent !== undefined ? share(n, input.acceptPercent) : g.key !== null ? acceptQuotas?.get(g.key) : undefined;
                const counts = { accepted: 0, waitlisted: 0, rejected: 0 };
                if (accept !== undefined) {
                    const waitlist = input.waitlistPercent !== undefined ? share(n, input.waitlistPercent) : g.key !== null ? (waitlistQuotas?.get(g.key) ?? 0) : 0;
                    g.ids.forEach((submissionId, index) => {
                        const decision = index < accept ? client_1.ReviewDecision.ACCEPTED : index < accept + waitlist ? client_1.ReviewDecision.WAITLISTED : input.rejectRest ? client_1.ReviewDecision.REJECTED : null;
                        if (!decision)
                            return;
                        planned.push({ submissionId, decision });
                        if (decision === client_1.ReviewDecision.ACCEPTED)
                            counts.accepted += 1;
                        else if (decision === client_1.ReviewDecision.WAITLISTED)
                            counts.waitlisted += 1;
                        else
                            counts.rejected += 1;
                    });
                }
                summary.push({ group: g.group, name: g.name, eligible: n, ...counts });
            }
            const previous = new Map((await this.decisions.pending(eventId, planned.map((p) => p.submissionId))).map((d) => [d.submissionId, d.decision]));
            await this.decisions.upsertMany(eventId, planned, this.clock.now());
            for (const p of planned)
                await this.recordDecision(actor, access, p.submissionId, previous.get(p.submissionId) ?? null, p.decision);
            return { groupBy, groups: summary, decided: planned.length };
        }, { timeoutMs: 120_000 });
    }
    /**
     * Publishes pending decisions to the speakers: each submission moves to its decided state through the CFP's
     * state machine (audit entry and 'submission.state_changed' included) and 'submission.decision_released' goes
     * to the outbox. A decision the submission can no longer take (it was withdrawn meanwhile) is dropped.
     */
    async release(actor, access, input) {
        const eventId = access.event.id;
        return this.tx.run(async () => {
            await this.decisions.lock(eventId);
            const pending = await this.decisions.pending(eventId, input.submissionIds ? [...new Set(input.submissionIds)] : null);
            const result = { released: 0, accepted: 0, rejected: 0, waitlisted: 0, dropped: 0 };
            const now = this.clock.now();
            for (const { submissionId, decision } of pending) {
                try {
                    await this.submissions.transition(actor, access, submissionId, decision);
                }
                catch (error) {
                    if (!isTransitionRefusal(error))
                        throw error;
                    await this.decisions.delete(submissionId);
                    await this.recordDecision(actor, access, submissionId, decision, null);
                    result.dropped += 1;
                    continue;
                }
                await this.decisions.markReleased(submissionId, now);
                await this.audit.publish('submission.decision_released', { eventId, submissionId, decision });
                result.released += 1;
                if (decision === client_1.ReviewDecision.ACCEPTED)
                    result.accepted += 1;
                else if (decision === client_1.ReviewDecision.REJECTED)
                    result.rejected += 1;
                else
                    result.waitlisted += 1;
            }
            if (result.released + result.dropped > 0) {
                await this.audit.record({
                    eventId,
                    actorId: actor.id,
                    requestId: actor.requestId,
                    action: 'decisions.released',
                    entityType: 'event',
                    entityId: eventId,
                    after: { ...result, submissionIds: pending.map((p) => p.submissionId) },
                });
            }
            return result;
        }, { timeoutMs: 120_000 });
    }
    /** The speakers' page: the released decision and the reviewer comments meant for them, nothing before release. */
    async outcome(actor, access, submissionId) {
        const submission = await this.decisions.outcome(access.event.id, submissionId);
        const organiser = actor.isAdmin || access.roles.includes(client_1.EventRole.ORGANISER);
        const speaker = submission?.speakers.some((s) => s.userId === actor.id) ?? false;
        // Organisers see what the speakers see (drafts excepted, as everywhere); anyone else: not found.
        if (!submission || !(speaker || (organiser && submission.state !== client_1.SubmissionState.DRAFT)))
            throw cfp_errors_1.CfpErrors.submissionNotFound();
        const decision = releasedDecision(submission.state);
        return {
            submissionId: submission.id,
            code: submission.code,
            title: submission.title,
            state: submission.state,
            decision,
            awaitingConfirmation: submission.state === client_1.SubmissionState.ACCEPTED,
            stateChangedAt: submission.stateChangedAt,
            speakerComments: decision && submission.origin === client_1.SubmissionOrigin.CFP ? await this.decisions.speakerComments(submission.id) : [],
        };
    }
    async confirm(actor, access, submissionId) {
        await this.tx.run(async () => {
            await this.ownerOf(actor, access, submissionId);
            await this.submissions.transition(actor, access, submissionId, client_1.SubmissionState.CONFIRMED);
        });
        return this.outcome(actor, access, submissionId);
    }
    /**
     * The speakers give up an accepted slot. If the event says so, the best waitlisted proposal of the same track
     * is accepted and released in the same transaction, under the event's decision lock, so two declines at once
     * promote two different talks.
     */
    async decline(actor, access, submissionId) {
        const eventId = access.event.id;
        await this.tx.run(async () => {
            await this.decisions.lock(eventId);
            const submission = await this.ownerOf(actor, access, submissionId);
            await this.submissions.transition(actor, access, submissionId, client_1.SubmissionState.DECLINED);
            const settings = await this.settings.find(eventId);
            if (submission.origin !== client_1.SubmissionOrigin.CFP || !settings?.promoteFromWaitlist)
                return;
            for (const candidate of await this.decisions.waitlisted(eventId, submission.trackId)) {
                try {
                    await this.submissions.transition(actor, access, candidate.id, client_1.SubmissionState.ACCEPTED);
                }
                catch (error) {
                    if (isTransitionRefusal(error))
                        continue;
                    throw error;
                }
                const now = this.clock.now();
                await this.decisions.upsert(eventId, candidate.id, client_1.ReviewDecision.ACCEPTED, now, now);
                await this.audit.record({
                    eventId,
                    actorId: actor.id,
                    requestId: actor.requestId,
                    action: 'decision.promoted',
                    entityType: 'submission',
                    entityId: candidate.id,
                    before: { decision: client_1.ReviewDecision.WAITLISTED },
                    after: { decision: client_1.ReviewDecision.ACCEPTED, releasedAt: now, replaces: submissionId },
                });
                await this.audit.publish('submission.decision_recorded', { eventId, submissionId: candidate.id, decision: client_1.ReviewDecision.ACCEPTED });
                await this.audit.publish('submission.decision_released', { eventId, submissionId: candidate.id, decision: client_1.ReviewDecision.ACCEPTED });
                return;
            }
        });
        return this.outcome(actor, access, submissionId);
    }
    /** Only the owner answers for the talk, as only the owner submits and withdraws it. */
    async ownerOf(actor, access, submissionId) {
        const submission = await this.decisions.outcome(access.event.id, submissionId);
        const role = submission?.speakers.find((s) => s.userId === actor.id)?.role;
        if (!submission || !role)
            throw cfp_errors_1.CfpErrors.submissionNotFound();
        if (role !== client_1.SpeakerRole.OWNER)
            throw cfp_errors_1.CfpErrors.ownerOnly();
        return submission;
    }
    checkBulkShape(input, groupBy) {
        const errors = [];
        if ((input.acceptPercent === undefined) === (input.acceptQuotas === undefined)) {
            errors.push({ field: 'acceptPercent', code: 'isDefined' });
        }
        if (input.waitlistPercent !== undefined && input.waitlistQuotas !== undefined)
            errors.push({ field: 'waitlistQuotas', code: 'invalid' });
        if (groupBy === 'EVENT') {
            if (input.acceptQuotas !== undefined)
                errors.push({ field: 'acceptQuotas', code: 'invalid' });
            if (input.waitlistQuotas !== undefined)
                errors.push({ field: 'waitlistQuotas', code: 'invalid' });
        }
        for (const field of ['acceptQuotas', 'waitlistQuotas']) {
            for (const [slug, value] of Object.entries(input[field] ?? {})) {
                if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000) {
                    errors.push({ field: `${field}.${slug}`, code: 'min', params: { min: 0 } });
                }
            }
        }
        if (errors.length > 0)
            throw reviews_errors_1.ReviewErrors.bulkInvalid(errors);
    }
    /** Quotas by group id; a slug the event does not have is a 400, not a silently ignored typo. */
    quotas(input, field, named) {
        if (!input)
            return undefined;
        const result = new Map();
        for (const [slug, value] of Object.entries(input)) {
            const group = named.find((g) => g.slug === slug);
            if (!group)
                throw reviews_errors_1.ReviewErrors.unknownGroup(slug, `${field}.${slug}`);
            result.set(group.id, value);
        }
        return result;
    }
    async recordDecision(actor, access, submissionId, before, after) {
        await this.audit.record({
            eventId: access.event.id,
            actorId: actor.id,
            requestId: actor.requestId,
            action: after ? 'decision.recorded' : 'decision.cleared',
            entityType: 'submission',
            entityId: submissionId,
            before: { decision: before },
            after: { decision: after },
        });
        await this.audit.publish('submission.decision_recorded', { eventId: access.event.id, submissionId, decision: after });
    }
};
exports.DecisionsService = DecisionsService;
exports.DecisionsService = DecisionsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [decisions_repository_1.DecisionsRepository,
        review_settings_repository_1.ReviewSettingsRepository,
        submissions_service_1.SubmissionsService,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock])
], DecisionsService);
//# sourceMappingURL=decisions.service.js.map