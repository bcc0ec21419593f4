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
exports.ProgrammesRepository = void 0;
const common_1 = require("@nestjs/common");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const PROGRAMME_FIELDS = {
    id: true,
    eventId: true,
    key: true,
    name: true,
    nameZh: true,
    description: true,
    kind: true,
    opensAt: true,
    closesAt: true,
    currency: true,
    budgetMinor: true,
    travelCapMinor: true,
    ticketTypeId: true,
    reviewsPerApplication: true,
    createdAt: true,
    updatedAt: true,
    ticketType: { select: { id: true, name: true, nameZh: true } },
};
let ProgrammesRepository = class ProgrammesRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    create(data) {
        return this.tx.db.scholarshipProgramme.create({ data, select: PROGRAMME_FIELDS });
    }
    update(id, data) {
        return this.tx.db.scholarshipProgramme.update({ where: { id }, data, select: PROGRAMME_FIELDS });
    }
    find(eventId, id) {
        return this.tx.db.scholarshipProgramme.findFirst({ where: { id, eventId }, select: PROGRAMME_FIELDS });
    }
    list(eventId) {
        return this.tx.db.scholarshipProgramme.findMany({
            where: { eventId },
            orderBy: [{ opensAt: 'asc' }, { key: 'asc' }],
            select: PROGRAMME_FIELDS,
        });
    }
    /** Row-locks the programme until the transaction ends: awards and budget changes of one programme queue here. */
    async lock(eventId, id) {
        const rows = await this.tx.db.$queryRaw `
      SELECT id::text AS id, currency, budget_minor, travel_cap_minor, ticket_type_id::text AS ticket_type_id
        FROM scholarship_programmes WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`;
        const row = rows[0];
        return row
            ? { id: row.id, currency: row.currency, budgetMinor: row.budget_minor, travelCapMinor: row.travel_cap_minor, ticketTypeId: row.ticket_type_id }
            : null;
    }
    /** The grants of the awards that count against the budget (offered or accepted). */
    async committedMinor(programmeId) {
        const rows = await this.tx.db.$queryRaw `
      SELECT coalesce(sum(travel_grant_minor), 0)::int AS committed
        FROM scholarship_awards WHERE programme_id = ${programmeId}::uuid AND state IN ('OFFERED', 'ACCEPTED')`;
        return rows[0]?.committed ?? 0;
    }
    countAwards(programmeId) {
        return this.tx.db.scholarshipAward.count({ where: { programmeId } });
    }
    findTicketType(eventId, id) {
        return this.tx.db.ticketType.findFirst({ where: { id, eventId }, select: { id: true } });
    }
    /** The user ids holding the committee role in the event. */
    async committeeMembers(eventId) {
        const grants = await this.tx.db.roleGrant.findMany({
            where: { eventId, role: client_1.EventRole.SCHOLARSHIP_COMMITTEE },
            select: { userId: true },
        });
        return grants.map((g) => g.userId);
    }
    /** One statement for every programme of the event. */
    totals(eventId) {
        return this.tx.db.$queryRaw `
      SELECT p.id::text AS programme_id, p.key, p.name, p.name_zh, p.kind, p.currency, p.budget_minor,
             (SELECT count(*)::int FROM scholarship_applications a WHERE a.programme_id = p.id AND a.state = 'SUBMITTED') AS applications,
             (SELECT count(*)::int FROM scholarship_applications a WHERE a.programme_id = p.id AND a.state = 'WITHDRAWN') AS withdrawn,
             count(w.id) FILTER (WHERE w.state = 'OFFERED')::int AS offered,
             count(w.id) FILTER (WHERE w.state = 'ACCEPTED')::int AS accepted,
             count(w.id) FILTER (WHERE w.state = 'DECLINED')::int AS declined,
             count(w.id) FILTER (WHERE w.state = 'REVOKED')::int AS revoked,
             coalesce(sum(w.travel_grant_minor) FILTER (WHERE w.state IN ('OFFERED', 'ACCEPTED')), 0)::int AS committed_minor,
             coalesce(sum(w.travel_grant_minor) FILTER (WHERE w.state = 'ACCEPTED'), 0)::int AS granted_minor,
             count(w.id) FILTER (WHERE w.state IN ('OFFERED', 'ACCEPTED') AND w.includes_registration)::int AS registrations
        FROM scholarship_programmes p
        LEFT JOIN scholarship_awards w ON w.programme_id = p.id
       WHERE p.event_id = ${eventId}::uuid
       GROUP BY p.id
       ORDER BY p.opens_at, p.key`;
    }
};
exports.ProgrammesRepository = ProgrammesRepository;
exports.ProgrammesRepository = ProgrammesRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], ProgrammesRepository);
//# sourceMappingURL=programmes.repository.js.map