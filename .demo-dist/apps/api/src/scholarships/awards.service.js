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
exports.AwardsService = void 0;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const cursor_1 = require("../http/cursor");
const registrations_service_1 = require("../registrations/registrations.service");
const applications_repository_1 = require("./applications.repository");
const awards_repository_1 = require("./awards.repository");
const programmes_repository_1 = require("./programmes.repository");
const scholarships_errors_1 = require("./scholarships.errors");
/** The recipient's view of their award. */
function awardView(a) {
    return {
        id: a.id,
        programmeId: a.programmeId,
        programmeKey: a.programme.key,
        applicationId: a.applicationId,
        state: a.state,
        travelGrantMinor: a.travelGrantMinor,
        currency: a.programme.currency,
        includesRegistration: a.includesRegistration,
        registrationId: a.registrationId,
        offeredAt: a.offeredAt,
        respondedAt: a.respondedAt,
        revokedAt: a.revokedAt,
    };
}
/** Organisers' and the committee's view: who receives how much; nothing of what they wrote. */
const staffAwardView = (a) => ({
    ...awardView(a),
    recipient: { id: a.application.user.id, name: a.application.user.name, email: a.application.user.email },
});
/** What the audit log keeps of an award: amounts and states (organisers read the log). */
const auditView = (a) => ({
    applicationId: a.applicationId,
    recipientId: a.application.userId,
    state: a.state,
    travelGrantMinor: a.travelGrantMinor,
    currency: a.programme.currency,
    includesRegistration: a.includesRegistration,
    registrationId: a.registrationId,
});
/**
 * Awards hold a programme's budget: the grants of the awards that count (offered, accepted) never exceed it. An
 * award is decided under the programme's row lock, so concurrent awards are summed one after the other, and the
 * free registration is taken in the same transaction through the registration module, under its seat limits: if
 * the seat is refused at commit, the award is gone with it.
 */
let AwardsService = class AwardsService {
    awards;
    applications;
    programmes;
    registrations;
    audit;
    tx;
    clock;
    constructor(awards, applications, programmes, registrations, audit, tx, clock) {
        this.awards = awards;
        this.applications = applications;
        this.programmes = programmes;
        this.registrations = registrations;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    async award(actor, access, input) {
        const { event } = access;
        const now = this.clock.now();
        const application = await this.applications.find(event.id, input.applicationId);
        if (!application)
            throw scholarships_errors_1.ScholarshipErrors.applicationNotFound();
        try {
            return await this.tx.run(async () => {
                // Lock order everywhere: programme, application, award, then the registration module's locks.
                const programme = await this.programmes.lock(event.id, application.programmeId);
                const locked = await this.applications.lock(event.id, application.id);
                if (!programme || !locked)
                    throw scholarships_errors_1.ScholarshipErrors.applicationNotFound();
                if (locked.state === client_1.ScholarshipApplicationState.WITHDRAWN)
                    throw scholarships_errors_1.ScholarshipErrors.withdrawn();
                if (locked.userId === actor.id)
                    throw scholarships_errors_1.ScholarshipErrors.ownApplication();
                const grant = input.travelGrantMinor ?? 0;
                const includesRegistration = input.includesRegistration ?? programme.ticketTypeId !== null;
                if (grant > programme.travelCapMinor) {
                    throw scholarships_errors_1.ScholarshipErrors.grantAboveCap(programme.travelCapMinor, (0, scholarships_errors_1.formatMinor)(programme.travelCapMinor, programme.currency));
                }
                if (includesRegistration && programme.ticketTypeId === null)
                    throw scholarships_errors_1.ScholarshipErrors.noRegistrationOffered();
                if (grant === 0 && !includesRegistration)
                    throw scholarships_errors_1.ScholarshipErrors.awardEmpty();
                if (await this.awards.countingOf(application.id))
                    throw scholarships_errors_1.ScholarshipErrors.alreadyAwarded();
                const committed = await this.programmes.committedMinor(programme.id);
                if (committed + grant > programme.budgetMinor) {
                    throw scholarships_errors_1.ScholarshipErrors.budgetExceeded(programme.budgetMinor - committed, grant, programme.currency);
                }
                const registration = includesRegistration && programme.ticketTypeId !== null
                    ? await this.registrations.createComplimentary(actor, event, { userId: application.user.id, name: application.user.name, email: application.user.email }, programme.ticketTypeId)
                    : null;
                const award = await this.awards.create({
                    programmeId: programme.id,
                    applicationId: application.id,
                    travelGrantMinor: grant,
                    includesRegistration,
                    registrationId: registration?.id ?? null,
                    awardedById: actor.id,
                    offeredAt: now,
                });
                await this.record(actor, access, 'scholarship.awarded', award.id, null, auditView(award));
                await this.audit.publish('scholarship.awarded', { eventId: event.id, applicationId: application.id, awardId: award.id });
                return staffAwardView(award);
            });
        }
        catch (error) {
            throw this.refusal(error);
        }
    }
    /** The recipient takes the award up. */
    async accept(actor, access, id) {
        const now = this.clock.now();
        return this.tx.run(async () => {
            const { state } = await this.lockOwn(actor, access, id);
            if (state !== client_1.ScholarshipAwardState.OFFERED)
                throw scholarships_errors_1.ScholarshipErrors.awardState(state);
            const updated = await this.awards.update(id, { state: client_1.ScholarshipAwardState.ACCEPTED, respondedAt: now });
            await this.record(actor, access, 'scholarship.award_accepted', id, { state }, auditView(updated));
            return awardView(updated);
        });
    }
    /** The recipient declines (also after accepting): the grant goes back to the budget and the free registration is cancelled. */
    async decline(actor, access, id) {
        const now = this.clock.now();
        try {
            return await this.tx.run(async () => {
                const { award, state } = await this.lockOwn(actor, access, id);
                if (!awards_repository_1.COUNTING_STATES.includes(state))
                    throw scholarships_errors_1.ScholarshipErrors.awardState(state);
                const updated = await this.awards.update(id, { state: client_1.ScholarshipAwardState.DECLINED, respondedAt: now });
                if (award.registrationId)
                    await this.registrations.cancelOnBehalf(actor, access.event.id, award.registrationId, client_1.CancelReason.ATTENDEE);
                await this.record(actor, access, 'scholarship.award_declined', id, { state }, auditView(updated));
                return awardView(updated);
            });
        }
        catch (error) {
            throw this.refusal(error);
        }
    }
    /** The committee withdraws an award (offered or accepted); like a decline, it frees the grant and the seat. */
    async revoke(actor, access, id) {
        const now = this.clock.now();
        try {
            return await this.tx.run(async () => {
                const award = await this.awards.find(access.event.id, id);
                if (!award)
                    throw scholarships_errors_1.ScholarshipErrors.awardNotFound();
                await this.applications.lock(access.event.id, award.applicationId);
                const state = await this.awards.lock(id);
                if (!state || !awards_repository_1.COUNTING_STATES.includes(state))
                    throw scholarships_errors_1.ScholarshipErrors.awardState(state ?? award.state);
                const updated = await this.awards.update(id, { state: client_1.ScholarshipAwardState.REVOKED, revokedAt: now });
                if (award.registrationId)
                    await this.registrations.cancelOnBehalf(actor, access.event.id, award.registrationId, client_1.CancelReason.ORGANISER);
                await this.record(actor, access, 'scholarship.award_revoked', id, { state }, auditView(updated));
                return staffAwardView(updated);
            });
        }
        catch (error) {
            throw this.refusal(error);
        }
    }
    async list(access, query) {
        const limit = query.limit ?? 50;
        const after = query.cursor ? (0, cursor_1.decodeCursor)(query.cursor, ['string', 'string']) : undefined;
        const rows = await this.awards.listPage(access.event.id, { programmeId: query.programmeId, state: query.state }, limit, after ? { createdAt: new Date(after[0]), id: after[1] } : undefined);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
            items: page.map(staffAwardView),
            nextCursor: rows.length > limit && last ? (0, cursor_1.encodeCursor)([last.createdAt.toISOString(), last.id]) : null,
        };
    }
    /** The caller's own award under its application's and its own row lock; anyone else's does not exist. */
    async lockOwn(actor, access, id) {
        const award = await this.awards.find(access.event.id, id);
        if (!award || award.application.userId !== actor.id)
            throw scholarships_errors_1.ScholarshipErrors.awardNotFound();
        await this.applications.lock(access.event.id, award.applicationId);
        const state = await this.awards.lock(id);
        if (!state)
            throw scholarships_errors_1.ScholarshipErrors.awardNotFound();
        return { award, state };
    }
    /** Refusals of the registration module, said to the committee in the award's terms. */
    refusal(error) {
        const refused = error instanceof domain_error_1.DomainError ? error : this.registrations.commitRefusal(error);
        if (!refused)
            return error;
        if (refused.code === 'SOLD_OUT')
            return scholarships_errors_1.ScholarshipErrors.ticketsSoldOut();
        if (refused.code === 'ALREADY_REGISTERED')
            return scholarships_errors_1.ScholarshipErrors.recipientRegistered();
        if (refused.code === 'REGISTRATION_CLOSED')
            return scholarships_errors_1.ScholarshipErrors.registrationClosed(String(refused.params.status));
        return refused;
    }
    record(actor, access, action, id, before, after) {
        return this.audit.record({
            eventId: access.event.id,
            actorId: actor.id,
            requestId: actor.requestId,
            action,
            entityType: 'scholarship_award',
            entityId: id,
            before,
            after,
        });
    }
};
exports.AwardsService = AwardsService;
exports.AwardsService = AwardsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [awards_repository_1.AwardsRepository,
        applications_repository_1.ApplicationsRepository,
        programmes_repository_1.ProgrammesRepository,
        registrations_service_1.RegistrationsService,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock])
], AwardsService);
//# sourceMappingURL=awards.service.js.map