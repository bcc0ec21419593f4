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
exports.ApplicationsService = exports.awardSummaryView = void 0;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const client_1 = require("../../../../libs/database/generated/client");
const prisma_errors_1 = require("../../../../libs/database/prisma-errors");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const cursor_1 = require("../http/cursor");
const applications_repository_1 = require("./applications.repository");
const programmes_service_1 = require("./programmes.service");
const scholarships_errors_1 = require("./scholarships.errors");
const scholarships_policy_1 = require("./scholarships.policy");
const awardSummaryView = (a) => a
    ? {
        id: a.id,
        state: a.state,
        travelGrantMinor: a.travelGrantMinor,
        includesRegistration: a.includesRegistration,
        registrationId: a.registrationId,
        offeredAt: a.offeredAt,
        respondedAt: a.respondedAt,
        revokedAt: a.revokedAt,
    }
    : null;
exports.awardSummaryView = awardSummaryView;
/** The applicant's view, built field by field: everything they gave, and the award they received. */
function applicantView(a, now) {
    return {
        id: a.id,
        programme: {
            id: a.programme.id,
            key: a.programme.key,
            name: a.programme.name,
            nameZh: a.programme.nameZh,
            kind: a.programme.kind,
            currency: a.programme.currency,
        },
        state: a.state,
        statement: a.statement,
        contributions: a.contributions,
        requestedTravelMinor: a.requestedTravelMinor,
        travelOrigin: a.travelOrigin,
        selfDescribed: {
            gender: a.gender,
            firstTimeAttendee: a.firstTimeAttendee,
            underrepresented: a.underrepresented,
            backgroundNote: a.backgroundNote,
        },
        consentGivenAt: a.consentGivenAt,
        editable: a.state === client_1.ScholarshipApplicationState.SUBMITTED && (0, scholarships_policy_1.isWindowOpen)(a.programme, now),
        withdrawnAt: a.withdrawnAt,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        award: (0, exports.awardSummaryView)(a.awards[0]),
    };
}
/** The committee's view: the applicant's, plus who applied. */
function committeeView(a, now) {
    return { ...applicantView(a, now), applicant: { id: a.user.id, name: a.user.name, email: a.user.email } };
}
/** The fields an applicant sent, for the audit log: which ones, never what they said (organisers read the log). */
const sentFields = (input) => Object.keys(input).filter((k) => input[k] !== undefined).sort();
let ApplicationsService = class ApplicationsService {
    applications;
    programmes;
    audit;
    tx;
    clock;
    constructor(applications, programmes, audit, tx, clock) {
        this.applications = applications;
        this.programmes = programmes;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    /** One application per user and programme (the unique key decides between concurrent twins), while the window is open. */
    async apply(actor, access, input) {
        const programme = await this.programmes.require(access, input.programmeId);
        const now = this.clock.now();
        (0, scholarships_policy_1.assertWindowOpen)(programme, access.event.timezone, now);
        if (!input.consent)
            throw scholarships_errors_1.ScholarshipErrors.consentRequired();
        const requested = input.requestedTravelMinor ?? 0;
        this.checkRequest(requested, programme);
        return this.tx.run(async () => {
            let created;
            try {
                created = await this.applications.create({
                    programmeId: programme.id,
                    userId: actor.id,
                    statement: input.statement,
                    contributions: input.contributions ?? null,
                    requestedTravelMinor: requested,
                    travelOrigin: input.travelOrigin,
                    gender: input.gender ?? null,
                    firstTimeAttendee: input.firstTimeAttendee ?? null,
                    underrepresented: input.underrepresented ?? null,
                    backgroundNote: input.backgroundNote ?? null,
                    consentGivenAt: now,
                });
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error))
                    throw scholarships_errors_1.ScholarshipErrors.applicationExists();
                throw error;
            }
            await this.record(actor, access, 'scholarship.application_submitted', created.id, {
                programmeId: programme.id,
                requestedTravelMinor: requested,
                fields: sentFields(input),
            });
            return applicantView(created, now);
        });
    }
    /** The applicant changes their application while it is submitted and the window is open. */
    async update(actor, access, id, input) {
        const now = this.clock.now();
        return this.tx.run(async () => {
            const locked = await this.applications.lock(access.event.id, id);
            if (!locked || locked.userId !== actor.id)
                throw scholarships_errors_1.ScholarshipErrors.applicationNotFound();
            const current = await this.applications.find(access.event.id, id);
            if (!current)
                throw scholarships_errors_1.ScholarshipErrors.applicationNotFound();
            if (current.state === client_1.ScholarshipApplicationState.WITHDRAWN)
                throw scholarships_errors_1.ScholarshipErrors.withdrawn();
            (0, scholarships_policy_1.assertWindowOpen)(current.programme, access.event.timezone, now);
            if (input.requestedTravelMinor !== undefined)
                this.checkRequest(input.requestedTravelMinor, current.programme);
            const changes = {
                statement: input.statement,
                contributions: input.contributions,
                requestedTravelMinor: input.requestedTravelMinor,
                travelOrigin: input.travelOrigin,
                gender: input.gender,
                firstTimeAttendee: input.firstTimeAttendee,
                underrepresented: input.underrepresented,
                backgroundNote: input.backgroundNote,
            };
            const updated = await this.applications.update(id, changes);
            await this.record(actor, access, 'scholarship.application_updated', id, {
                requestedTravelMinor: updated.requestedTravelMinor,
                fields: sentFields(input),
            });
            return applicantView(updated, now);
        });
    }
    /** Withdrawal is final; an application with an award that counts is settled by declining the award instead. */
    async withdraw(actor, access, id) {
        const now = this.clock.now();
        return this.tx.run(async () => {
            const locked = await this.applications.lock(access.event.id, id);
            if (!locked || locked.userId !== actor.id)
                throw scholarships_errors_1.ScholarshipErrors.applicationNotFound();
            if (locked.state === client_1.ScholarshipApplicationState.WITHDRAWN)
                throw scholarships_errors_1.ScholarshipErrors.withdrawn();
            const current = await this.applications.find(access.event.id, id);
            const award = current?.awards[0];
            if (award && (award.state === 'OFFERED' || award.state === 'ACCEPTED'))
                throw scholarships_errors_1.ScholarshipErrors.withdrawAwarded();
            const updated = await this.applications.update(id, { state: client_1.ScholarshipApplicationState.WITHDRAWN, withdrawnAt: now });
            await this.record(actor, access, 'scholarship.application_withdrawn', id, { state: updated.state });
            return applicantView(updated, now);
        });
    }
    async mine(actor, access) {
        const now = this.clock.now();
        return (await this.applications.listOfUser(access.event.id, actor.id)).map((a) => applicantView(a, now));
    }
    /**
     * The applicant reads their own application, a committee member any of the event's; for everyone else it does
     * not exist. A committee member's read of someone's application is audited (it holds self-described data).
     */
    async get(actor, access, id) {
        const found = await this.applications.find(access.event.id, id);
        const now = this.clock.now();
        if (found && found.userId === actor.id)
            return applicantView(found, now);
        if (!found || !(0, scholarships_policy_1.isCommittee)(actor, access))
            throw scholarships_errors_1.ScholarshipErrors.applicationNotFound();
        await this.tx.run(() => this.record(actor, access, 'scholarship.application_read', id, null));
        return committeeView(found, now);
    }
    /** The committee's list: who applied to what, for how much, and how far the review is; no content. */
    async list(access, query) {
        const limit = query.limit ?? 50;
        const after = query.cursor ? (0, cursor_1.decodeCursor)(query.cursor, ['string', 'string']) : undefined;
        const rows = await this.applications.listPage(access.event.id, { programmeId: query.programmeId, state: query.state }, limit, after ? { createdAt: new Date(after[0]), id: after[1] } : undefined);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
            items: page.map((a) => ({
                id: a.id,
                programmeId: a.programme.id,
                programmeKey: a.programme.key,
                applicant: { id: a.user.id, name: a.user.name, email: a.user.email },
                state: a.state,
                requestedTravelMinor: a.requestedTravelMinor,
                currency: a.programme.currency,
                travelOrigin: a.travelOrigin,
                assigned: a.assignments.length,
                reviews: a.assignments.filter((x) => x.review !== null).length,
                award: (0, exports.awardSummaryView)(a.awards[0]),
                createdAt: a.createdAt,
                updatedAt: a.updatedAt,
            })),
            nextCursor: rows.length > limit && last ? (0, cursor_1.encodeCursor)([last.createdAt.toISOString(), last.id]) : null,
        };
    }
    checkRequest(requested, programme) {
        if (requested > programme.travelCapMinor) {
            throw scholarships_errors_1.ScholarshipErrors.requestAboveCap(programme.travelCapMinor, (0, scholarships_errors_1.formatMinor)(programme.travelCapMinor, programme.currency));
        }
    }
    record(actor, access, action, id, after) {
        return this.audit.record({
            eventId: access.event.id,
            actorId: actor.id,
            requestId: actor.requestId,
            action,
            entityType: 'scholarship_application',
            entityId: id,
            after,
        });
    }
};
exports.ApplicationsService = ApplicationsService;
exports.ApplicationsService = ApplicationsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [applications_repository_1.ApplicationsRepository,
        programmes_service_1.ProgrammesService,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock])
], ApplicationsService);
//# sourceMappingURL=applications.service.js.map