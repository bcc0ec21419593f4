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
exports.AwardsRepository = exports.COUNTING_STATES = void 0;
const common_1 = require("@nestjs/common");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
/** What organisers and the committee see of an award: amounts and the recipient, never the application's content. */
const AWARD_FIELDS = {
    id: true,
    programmeId: true,
    applicationId: true,
    state: true,
    travelGrantMinor: true,
    includesRegistration: true,
    registrationId: true,
    offeredAt: true,
    respondedAt: true,
    revokedAt: true,
    createdAt: true,
    programme: { select: { key: true, currency: true } },
    application: { select: { userId: true, user: { select: { id: true, name: true, email: true } } } },
};
exports.COUNTING_STATES = [client_1.ScholarshipAwardState.OFFERED, client_1.ScholarshipAwardState.ACCEPTED];
let AwardsRepository = class AwardsRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    create(data) {
        return this.tx.db.scholarshipAward.create({ data, select: AWARD_FIELDS });
    }
    find(eventId, id) {
        return this.tx.db.scholarshipAward.findFirst({ where: { id, programme: { eventId } }, select: AWARD_FIELDS });
    }
    countingOf(applicationId) {
        return this.tx.db.scholarshipAward.findFirst({
            where: { applicationId, state: { in: exports.COUNTING_STATES } },
            select: { id: true },
        });
    }
    /** The award's current state under its row lock (the caller already holds its application's lock). */
    async lock(id) {
        const rows = await this.tx.db.$queryRaw `
      SELECT state FROM scholarship_awards WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
        return rows[0]?.state ?? null;
    }
    update(id, data) {
        return this.tx.db.scholarshipAward.update({ where: { id }, data, select: AWARD_FIELDS });
    }
    listPage(eventId, filter, limit, after) {
        const conditions = [{ programme: { eventId } }];
        if (filter.programmeId)
            conditions.push({ programmeId: filter.programmeId });
        if (filter.state)
            conditions.push({ state: filter.state });
        if (after) {
            conditions.push({ OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] });
        }
        return this.tx.db.scholarshipAward.findMany({
            where: { AND: conditions },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            take: limit + 1,
            select: AWARD_FIELDS,
        });
    }
};
exports.AwardsRepository = AwardsRepository;
exports.AwardsRepository = AwardsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], AwardsRepository);
//# sourceMappingURL=awards.repository.js.map