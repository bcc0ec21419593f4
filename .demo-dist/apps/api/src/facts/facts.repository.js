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
exports.FactsRepository = void 0;
const common_1 = require("@nestjs/common");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const after = (position) => position
    ? { OR: [{ createdAt: { gt: position.createdAt } }, { createdAt: position.createdAt, id: { gt: position.id } }] }
    : {};
const ORDER = [{ createdAt: 'asc' }, { id: 'asc' }];
const SPONSOR = { id: true, name: true, tier: true, website: true, createdAt: true, updatedAt: true };
const PARTNER = { id: true, name: true, website: true, createdAt: true, updatedAt: true };
const ACCREDITATION = { id: true, name: true, outlet: true, kind: true, language: true, createdAt: true, updatedAt: true };
const FACT = {
    id: true,
    kind: true,
    label: true,
    labelZh: true,
    value: true,
    source: true,
    url: true,
    publishedOn: true,
    language: true,
    createdAt: true,
    updatedAt: true,
};
/** Sponsors, community partners, media accreditations and organiser-entered facts, always scoped by event. */
let FactsRepository = class FactsRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    listSponsors(eventId, limit, position) {
        return this.tx.db.sponsor.findMany({ where: { eventId, ...after(position) }, orderBy: ORDER, take: limit + 1, select: SPONSOR });
    }
    findSponsor(eventId, id) {
        return this.tx.db.sponsor.findFirst({ where: { id, eventId }, select: SPONSOR });
    }
    createSponsor(eventId, data) {
        return this.tx.db.sponsor.create({ data: { eventId, ...data }, select: SPONSOR });
    }
    updateSponsor(id, data) {
        return this.tx.db.sponsor.update({ where: { id }, data, select: SPONSOR });
    }
    deleteSponsor(id) {
        return this.tx.db.sponsor.delete({ where: { id } });
    }
    listPartners(eventId, limit, position) {
        return this.tx.db.communityPartner.findMany({ where: { eventId, ...after(position) }, orderBy: ORDER, take: limit + 1, select: PARTNER });
    }
    findPartner(eventId, id) {
        return this.tx.db.communityPartner.findFirst({ where: { id, eventId }, select: PARTNER });
    }
    createPartner(eventId, data) {
        return this.tx.db.communityPartner.create({ data: { eventId, ...data }, select: PARTNER });
    }
    updatePartner(id, data) {
        return this.tx.db.communityPartner.update({ where: { id }, data, select: PARTNER });
    }
    deletePartner(id) {
        return this.tx.db.communityPartner.delete({ where: { id } });
    }
    listAccreditations(eventId, limit, position) {
        return this.tx.db.mediaAccreditation.findMany({
            where: { eventId, ...after(position) },
            orderBy: ORDER,
            take: limit + 1,
            select: ACCREDITATION,
        });
    }
    findAccreditation(eventId, id) {
        return this.tx.db.mediaAccreditation.findFirst({ where: { id, eventId }, select: ACCREDITATION });
    }
    createAccreditation(eventId, data) {
        return this.tx.db.mediaAccreditation.create({ data: { eventId, ...data }, select: ACCREDITATION });
    }
    updateAccreditation(id, data) {
        return this.tx.db.mediaAccreditation.update({ where: { id }, data, select: ACCREDITATION });
    }
    deleteAccreditation(id) {
        return this.tx.db.mediaAccreditation.delete({ where: { id } });
    }
    listFacts(eventId, limit, position) {
        return this.tx.db.eventFact.findMany({ where: { eventId, ...after(position) }, orderBy: ORDER, take: limit + 1, select: FACT });
    }
    findFact(eventId, id) {
        return this.tx.db.eventFact.findFirst({ where: { id, eventId }, select: FACT });
    }
    createFact(eventId, data) {
        return this.tx.db.eventFact.create({ data: { eventId, ...data }, select: FACT });
    }
    updateFact(id, data) {
        return this.tx.db.eventFact.update({ where: { id }, data, select: FACT });
    }
    deleteFact(id) {
        return this.tx.db.eventFact.delete({ where: { id } });
    }
};
exports.FactsRepository = FactsRepository;
exports.FactsRepository = FactsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], FactsRepository);
//# sourceMappingURL=facts.repository.js.map