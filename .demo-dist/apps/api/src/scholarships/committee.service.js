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
exports.CommitteeService = void 0;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const cursor_1 = require("../http/cursor");
const assignment_1 = require("../reviews/assignment");
const calibration_1 = require("../reviews/calibration");
const applications_repository_1 = require("./applications.repository");
const committee_repository_1 = require("./committee.repository");
const programmes_repository_1 = require("./programmes.repository");
const programmes_service_1 = require("./programmes.service");
const scholarships_errors_1 = require("./scholarships.errors");
const scholarships_policy_1 = require("./scholarships.policy");
const reviewView = (r) => r ? { score: r.score, confidence: r.confidence, comment: r.comment, createdAt: r.createdAt, updatedAt: r.updatedAt } : null;
/**
 * The scholarship committee's work: the balanced assignment and the calibrated ranking are the talk review's own
 * pure algorithms (reviews/assignment.ts, reviews/calibration.ts), applied to applications and committee members.
 */
let CommitteeService = class CommitteeService {
    committee;
    applications;
    programmeRows;
    programmes;
    audit;
    tx;
    clock;
    constructor(committee, applications, programmeRows, programmes, audit, tx, clock) {
        this.committee = committee;
        this.applications = applications;
        this.programmeRows = programmeRows;
        this.programmes = programmes;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    /**
     * Tops every submitted application of the programme up to the wanted number of members, spreading the load
     * evenly; a member never gets their own application. Runs under the programme's lock, so two runs add nothing
     * twice; running it again adds only what changed (new applications, new members).
     */
    async assign(actor, access, programmeId) {
        const eventId = access.event.id;
        return this.tx.run(async () => {
            if (!(await this.programmeRows.lock(eventId, programmeId)))
                throw scholarships_errors_1.ScholarshipErrors.programmeNotFound();
            const programme = await this.programmes.require(access, programmeId);
            const pool = await this.committee.pool(programmeId);
            const members = await this.programmeRows.committeeMembers(eventId);
            const existing = await this.committee.existingPairs(programmeId);
            const plan = (0, assignment_1.planAssignments)({
                items: pool.map((a) => ({ id: a.id, group: null })),
                raters: members.map((id) => ({ id, groups: null })),
                perItem: programme.reviewsPerApplication,
                existing: existing.map((p) => ({ raterId: p.reviewerId, itemId: p.applicationId })),
                conflicts: pool.filter((a) => members.includes(a.userId)).map((a) => ({ raterId: a.userId, itemId: a.id })),
            });
            const added = await this.committee.insertPairs(plan.added.map((p) => ({ applicationId: p.itemId, reviewerId: p.raterId })));
            const loads = [...plan.loads.values()];
            const result = {
                applications: pool.length,
                members: members.length,
                reviewsPerApplication: programme.reviewsPerApplication,
                added,
                understaffed: plan.understaffed.length,
                loads: { min: loads.length > 0 ? Math.min(...loads) : 0, max: loads.length > 0 ? Math.max(...loads) : 0 },
            };
            await this.audit.record({
                eventId,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'scholarship.assignments_generated',
                entityType: 'scholarship_programme',
                entityId: programmeId,
                after: { ...result, pairs: plan.added.map((p) => ({ reviewerId: p.raterId, applicationId: p.itemId })) },
            });
            return result;
        });
    }
    /** The caller's assigned applications that are still under review, with their content and the caller's review. */
    async assigned(actor, access, query) {
        const rows = await this.committee.assignedTo(access.event.id, actor.id, query.programmeId);
        const items = rows.map(({ application: a, review }) => ({
            id: a.id,
            programmeId: a.programme.id,
            programmeKey: a.programme.key,
            applicant: { id: a.user.id, name: a.user.name },
            statement: a.statement,
            contributions: a.contributions,
            requestedTravelMinor: a.requestedTravelMinor,
            currency: a.programme.currency,
            travelOrigin: a.travelOrigin,
            selfDescribed: {
                gender: a.gender,
                firstTimeAttendee: a.firstTimeAttendee,
                underrepresented: a.underrepresented,
                backgroundNote: a.backgroundNote,
            },
            updatedAt: a.updatedAt,
            review: reviewView(review),
        }));
        return { items, progress: { assigned: items.length, reviewed: items.filter((i) => i.review !== null).length } };
    }
    /**
     * The caller's one review of an application assigned to them: created the first time, replaced after. Only the
     * score and confidence go to the audit log; the comment may quote the application, and organisers read the log.
     */
    async putReview(actor, access, applicationId, input) {
        const now = this.clock.now();
        await this.tx.run(async () => {
            const locked = await this.applications.lock(access.event.id, applicationId);
            if (!locked)
                throw scholarships_errors_1.ScholarshipErrors.applicationNotFound();
            if (locked.state === client_1.ScholarshipApplicationState.WITHDRAWN)
                throw scholarships_errors_1.ScholarshipErrors.withdrawn();
            if (!(await this.committee.isAssigned(applicationId, actor.id)))
                throw scholarships_errors_1.ScholarshipErrors.notAssigned();
            const comment = input.comment?.trim() ? input.comment : null;
            const saved = await this.committee.upsertReview(applicationId, actor.id, { score: input.score, confidence: input.confidence, comment }, now);
            await this.audit.record({
                eventId: access.event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: saved.created ? 'scholarship.review_created' : 'scholarship.review_updated',
                entityType: 'scholarship_review',
                entityId: saved.id,
                before: saved.created ? null : saved.before,
                after: { applicationId, score: input.score, confidence: input.confidence, hasComment: comment !== null },
            });
        });
        return this.reviewsOf(actor, access, applicationId).then((all) => all.find((r) => r.reviewer.id === actor.id));
    }
    /** Every member's review of one application; for anyone outside the committee the application does not exist. */
    async reviewsOf(actor, access, applicationId) {
        if (!(0, scholarships_policy_1.isCommittee)(actor, access))
            throw scholarships_errors_1.ScholarshipErrors.applicationNotFound();
        const application = await this.applications.find(access.event.id, applicationId);
        if (!application)
            throw scholarships_errors_1.ScholarshipErrors.applicationNotFound();
        const rows = await this.committee.reviewsOf(applicationId);
        return rows.map((r) => ({ reviewer: { id: r.reviewer.id, name: r.reviewer.name }, review: reviewView(r.review) }));
    }
    /** The programme's submitted applications, best first by calibrated score, with the budget left to award. */
    async ranking(access, programmeId, query) {
        const programme = await this.programmes.require(access, programmeId);
        const limit = query.limit ?? 50;
        const afterRank = query.cursor ? (0, cursor_1.decodeCursor)(query.cursor, ['number'])[0] : 0;
        if (!Number.isInteger(afterRank) || afterRank < 0)
            throw new domain_error_1.DomainError('CURSOR_INVALID', 400);
        const applications = await this.committee.rankable(programmeId);
        const scores = await this.committee.scores(programmeId);
        const committed = await this.programmeRows.committedMinor(programmeId);
        const aggregates = (0, calibration_1.aggregate)(scores.map((s) => ({ raterId: s.reviewerId, itemId: s.applicationId, score: s.score, confidence: s.confidence })));
        const byId = new Map(applications.map((a) => [a.id, a]));
        const order = (0, calibration_1.rank)(applications.map((a) => ({ id: a.id, tieBreak: `${a.createdAt.toISOString()} ${a.id}` })), aggregates);
        const page = order.slice(afterRank, afterRank + limit);
        return {
            items: page.map((id, i) => {
                const a = byId.get(id);
                const g = aggregates.get(id);
                const award = a.awards[0];
                return {
                    rank: afterRank + i + 1,
                    applicationId: a.id,
                    applicant: { id: a.user.id, name: a.user.name },
                    travelOrigin: a.travelOrigin,
                    requestedTravelMinor: a.requestedTravelMinor,
                    currency: programme.currency,
                    reviews: g?.count ?? 0,
                    assigned: a._count.assignments,
                    wanted: programme.reviewsPerApplication,
                    mean: g?.mean ?? null,
                    median: g?.median ?? null,
                    calibrated: g?.calibrated ?? null,
                    award: award ? { id: award.id, state: award.state, travelGrantMinor: award.travelGrantMinor, includesRegistration: award.includesRegistration } : null,
                };
            }),
            nextCursor: afterRank + limit < order.length ? (0, cursor_1.encodeCursor)([afterRank + limit]) : null,
            remainingMinor: programme.budgetMinor - committed,
        };
    }
};
exports.CommitteeService = CommitteeService;
exports.CommitteeService = CommitteeService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [committee_repository_1.CommitteeRepository,
        applications_repository_1.ApplicationsRepository,
        programmes_repository_1.ProgrammesRepository,
        programmes_service_1.ProgrammesService,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock])
], CommitteeService);
//# sourceMappingURL=committee.service.js.map