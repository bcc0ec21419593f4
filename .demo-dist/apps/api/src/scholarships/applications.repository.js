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
exports.ApplicationsRepository = void 0;
const common_1 = require("@nestjs/common");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const PROGRAMME_SUMMARY = {
    select: {
        id: true,
        key: true,
        name: true,
        nameZh: true,
        kind: true,
        currency: true,
        travelCapMinor: true,
        opensAt: true,
        closesAt: true,
    },
};
const AWARD_SUMMARY = {
    select: {
        id: true,
        state: true,
        travelGrantMinor: true,
        includesRegistration: true,
        registrationId: true,
        offeredAt: true,
        respondedAt: true,
        revokedAt: true,
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 1,
};
/** Everything an application holds; only the applicant's and the committee's views are built from it. */
const APPLICATION_FIELDS = {
    id: true,
    programmeId: true,
    userId: true,
    state: true,
    statement: true,
    contributions: true,
    requestedTravelMinor: true,
    travelOrigin: true,
    gender: true,
    firstTimeAttendee: true,
    underrepresented: true,
    backgroundNote: true,
    consentGivenAt: true,
    withdrawnAt: true,
    createdAt: true,
    updatedAt: true,
    programme: PROGRAMME_SUMMARY,
    user: { select: { id: true, name: true, email: true } },
    awards: AWARD_SUMMARY,
};
let ApplicationsRepository = class ApplicationsRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    create(data) {
        return this.tx.db.scholarshipApplication.create({ data, select: APPLICATION_FIELDS });
    }
    update(id, data) {
        return this.tx.db.scholarshipApplication.update({ where: { id }, data, select: APPLICATION_FIELDS });
    }
    /** The application if it belongs to a programme of the event; whether the caller may see it is the service's call. */
    find(eventId, id) {
        return this.tx.db.scholarshipApplication.findFirst({ where: { id, programme: { eventId } }, select: APPLICATION_FIELDS });
    }
    listOfUser(eventId, userId) {
        return this.tx.db.scholarshipApplication.findMany({
            where: { userId, programme: { eventId } },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: APPLICATION_FIELDS,
        });
    }
    /**
     * Row-locks the application until the transaction ends. Every change to it or to its awards takes this lock,
     * after the programme's (when it takes that) and before any registration lock, so they queue in one order and
     * never deadlock. NO KEY UPDATE: rows that merely reference the application (assignments) may still be added.
     */
    async lock(eventId, id) {
        const rows = await this.tx.db.$queryRaw `
      SELECT a.id::text AS id, a.programme_id::text AS programme_id, a.user_id::text AS user_id, a.state
        FROM scholarship_applications a
        JOIN scholarship_programmes p ON p.id = a.programme_id
       WHERE a.id = ${id}::uuid AND p.event_id = ${eventId}::uuid
         FOR NO KEY UPDATE OF a`;
        const row = rows[0];
        return row ? { id: row.id, programmeId: row.programme_id, userId: row.user_id, state: row.state } : null;
    }
    /** The committee's list: keyset page, oldest first, with no statement or self-described answer selected at all. */
    listPage(eventId, filter, limit, after) {
        const conditions = [{ programme: { eventId } }];
        if (filter.programmeId)
            conditions.push({ programmeId: filter.programmeId });
        if (filter.state)
            conditions.push({ state: filter.state });
        if (after) {
            conditions.push({ OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] });
        }
        return this.tx.db.scholarshipApplication.findMany({
            where: { AND: conditions },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            take: limit + 1,
            select: {
                id: true,
                state: true,
                requestedTravelMinor: true,
                travelOrigin: true,
                createdAt: true,
                updatedAt: true,
                programme: { select: { id: true, key: true, currency: true } },
                user: { select: { id: true, name: true, email: true } },
                assignments: { select: { review: { select: { id: true } } } },
                awards: AWARD_SUMMARY,
            },
        });
    }
};
exports.ApplicationsRepository = ApplicationsRepository;
exports.ApplicationsRepository = ApplicationsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], ApplicationsRepository);
//# sourceMappingURL=applications.repository.js.map