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
exports.ProgrammesService = void 0;
exports.programmeView = programmeView;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const zoned_time_1 = require("../../../../libs/clock/zoned-time");
const prisma_errors_1 = require("../../../../libs/database/prisma-errors");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const programmes_repository_1 = require("./programmes.repository");
const scholarships_errors_1 = require("./scholarships.errors");
const scholarships_policy_1 = require("./scholarships.policy");
/** The public view, built field by field; the budget is added for organisers and the committee only. */
function programmeView(p, timezone, now, staff) {
    return {
        id: p.id,
        key: p.key,
        name: p.name,
        nameZh: p.nameZh,
        description: p.description,
        kind: p.kind,
        opensAt: p.opensAt,
        closesAt: p.closesAt,
        opensAtLocal: (0, zoned_time_1.toZonedIso)(p.opensAt, timezone),
        closesAtLocal: (0, zoned_time_1.toZonedIso)(p.closesAt, timezone),
        timezone,
        isOpen: (0, scholarships_policy_1.isWindowOpen)(p, now),
        currency: p.currency,
        travelCapMinor: p.travelCapMinor,
        freeRegistration: p.ticketType ? { id: p.ticketType.id, name: p.ticketType.name, nameZh: p.ticketType.nameZh } : null,
        ...(staff ? { budgetMinor: p.budgetMinor, reviewsPerApplication: p.reviewsPerApplication } : {}),
    };
}
/** What the audit log keeps of a programme (organisers read the log; a programme holds nothing confidential). */
const auditView = (p) => ({
    key: p.key,
    name: p.name,
    kind: p.kind,
    opensAt: p.opensAt,
    closesAt: p.closesAt,
    currency: p.currency,
    budgetMinor: p.budgetMinor,
    travelCapMinor: p.travelCapMinor,
    ticketTypeId: p.ticketTypeId,
    reviewsPerApplication: p.reviewsPerApplication,
});
let ProgrammesService = class ProgrammesService {
    programmes;
    audit;
    tx;
    clock;
    constructor(programmes, audit, tx, clock) {
        this.programmes = programmes;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    async create(actor, access, input) {
        const { event } = access;
        const data = {
            eventId: event.id,
            key: input.key,
            name: input.name,
            nameZh: input.nameZh ?? null,
            description: input.description ?? null,
            kind: input.kind,
            opensAt: this.instant(input.opensAt, 'opensAt', event.timezone),
            closesAt: this.instant(input.closesAt, 'closesAt', event.timezone),
            currency: input.currency,
            budgetMinor: input.budgetMinor,
            travelCapMinor: input.travelCapMinor ?? 0,
            ticketTypeId: input.ticketTypeId ?? null,
            reviewsPerApplication: input.reviewsPerApplication ?? 3,
        };
        await this.check(event.id, data);
        return this.tx.run(async () => {
            let created;
            try {
                created = await this.programmes.create(data);
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error, 'key'))
                    throw scholarships_errors_1.ScholarshipErrors.programmeKeyTaken(input.key);
                throw error;
            }
            await this.audit.record({
                eventId: event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'scholarship.programme_created',
                entityType: 'scholarship_programme',
                entityId: created.id,
                after: auditView(created),
            });
            return programmeView(created, event.timezone, this.clock.now(), true);
        });
    }
    /**
     * Under the programme's lock, so a budget cut and an award cannot cross: the budget never goes below what the
     * awards that count already hold, and the currency is fixed once anything was awarded in it.
     */
    async update(actor, access, id, input) {
        const { event } = access;
        return this.tx.run(async () => {
            const locked = await this.programmes.lock(event.id, id);
            const current = locked ? await this.programmes.find(event.id, id) : null;
            if (!locked || !current)
                throw scholarships_errors_1.ScholarshipErrors.programmeNotFound();
            const changes = {
                name: input.name,
                nameZh: input.nameZh,
                description: input.description,
                kind: input.kind,
                opensAt: input.opensAt !== undefined ? this.instant(input.opensAt, 'opensAt', event.timezone) : undefined,
                closesAt: input.closesAt !== undefined ? this.instant(input.closesAt, 'closesAt', event.timezone) : undefined,
                currency: input.currency,
                budgetMinor: input.budgetMinor,
                travelCapMinor: input.travelCapMinor,
                ticketTypeId: input.ticketTypeId,
                reviewsPerApplication: input.reviewsPerApplication,
            };
            const merged = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
            await this.check(event.id, merged);
            if (input.currency !== undefined && input.currency !== current.currency && (await this.programmes.countAwards(id)) > 0) {
                throw scholarships_errors_1.ScholarshipErrors.currencyLocked();
            }
            if (input.budgetMinor !== undefined && input.budgetMinor < current.budgetMinor) {
                const committed = await this.programmes.committedMinor(id);
                if (input.budgetMinor < committed)
                    throw scholarships_errors_1.ScholarshipErrors.budgetBelowCommitted((0, scholarships_errors_1.formatMinor)(committed, current.currency));
            }
            const updated = await this.programmes.update(id, changes);
            const before = auditView(current);
            const after = auditView(updated);
            const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
            if (changed.length > 0) {
                await this.audit.record({
                    eventId: event.id,
                    actorId: actor.id,
                    requestId: actor.requestId,
                    action: 'scholarship.programme_updated',
                    entityType: 'scholarship_programme',
                    entityId: id,
                    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
                    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
                });
            }
            return programmeView(updated, event.timezone, this.clock.now(), true);
        });
    }
    async list(user, access) {
        const now = this.clock.now();
        const staff = (0, scholarships_policy_1.isStaff)(user, access);
        return (await this.programmes.list(access.event.id)).map((p) => programmeView(p, access.event.timezone, now, staff));
    }
    async get(user, access, id) {
        const programme = await this.require(access, id);
        return programmeView(programme, access.event.timezone, this.clock.now(), (0, scholarships_policy_1.isStaff)(user, access));
    }
    async require(access, id) {
        const programme = await this.programmes.find(access.event.id, id);
        if (!programme)
            throw scholarships_errors_1.ScholarshipErrors.programmeNotFound();
        return programme;
    }
    /** Counts and amounts per programme: what organisers (committee or not) and the transparency report see. */
    async totals(access) {
        const rows = await this.programmes.totals(access.event.id);
        return rows.map((r) => ({
            programmeId: r.programme_id,
            key: r.key,
            name: r.name,
            nameZh: r.name_zh,
            kind: r.kind,
            currency: r.currency,
            budgetMinor: r.budget_minor,
            applications: r.applications,
            withdrawn: r.withdrawn,
            awards: { offered: r.offered, accepted: r.accepted, declined: r.declined, revoked: r.revoked },
            committedMinor: r.committed_minor,
            grantedMinor: r.granted_minor,
            remainingMinor: r.budget_minor - r.committed_minor,
            registrations: r.registrations,
        }));
    }
    async check(eventId, p) {
        if (p.closesAt.getTime() <= p.opensAt.getTime())
            throw scholarships_errors_1.ScholarshipErrors.windowInvalid();
        if (p.travelCapMinor === 0 && p.ticketTypeId === null)
            throw scholarships_errors_1.ScholarshipErrors.programmeOffersNothing();
        if (p.travelCapMinor > p.budgetMinor) {
            throw scholarships_errors_1.ScholarshipErrors.capAboveBudget((0, scholarships_errors_1.formatMinor)(p.travelCapMinor, p.currency), (0, scholarships_errors_1.formatMinor)(p.budgetMinor, p.currency));
        }
        if (p.ticketTypeId !== null && !(await this.programmes.findTicketType(eventId, p.ticketTypeId))) {
            throw scholarships_errors_1.ScholarshipErrors.ticketTypeUnknown();
        }
    }
    instant(text, field, timezone) {
        const instant = (0, zoned_time_1.parseZonedDateTime)(text, timezone);
        if (!instant)
            throw domain_error_1.CommonErrors.validation([{ field, code: 'isIso8601' }]);
        return instant;
    }
};
exports.ProgrammesService = ProgrammesService;
exports.ProgrammesService = ProgrammesService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [programmes_repository_1.ProgrammesRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock])
], ProgrammesService);
//# sourceMappingURL=programmes.service.js.map