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
exports.FactsService = void 0;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const client_1 = require("../../../../libs/database/generated/client");
const prisma_errors_1 = require("../../../../libs/database/prisma-errors");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const cursor_1 = require("../http/cursor");
const facts_errors_1 = require("./facts.errors");
const facts_repository_1 = require("./facts.repository");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function position(cursor) {
    if (cursor === undefined)
        return undefined;
    const [createdAt, id] = (0, cursor_1.decodeCursor)(cursor, ['string', 'string']);
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || !UUID.test(id))
        throw new domain_error_1.DomainError('CURSOR_INVALID', 400);
    return { createdAt: date, id };
}
function page(rows, limit, view) {
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
        items: items.map(view),
        nextCursor: rows.length > limit && last ? (0, cursor_1.encodeCursor)([last.createdAt.toISOString(), last.id]) : null,
    };
}
/** Keeps only the fields a PATCH actually sent (null included, to clear), so absent ones are left alone. */
function sent(input) {
    return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
const day = (value) => (value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`));
function factView(row) {
    return { ...row, publishedOn: row.publishedOn ? row.publishedOn.toISOString().slice(0, 10) : null, enteredByOrganisers: true };
}
/**
 * Facts about an edition that its registrations and CFP cannot tell: sponsors by tier, community partners, media
 * and analyst accreditations, and figures or clippings typed in by organisers. Organisers only; every change is
 * audited with the event.
 */
let FactsService = class FactsService {
    facts;
    audit;
    tx;
    constructor(facts, audit, tx) {
        this.facts = facts;
        this.audit = audit;
        this.tx = tx;
    }
    record(actor, access, entityType, action, entityId, before, after) {
        return this.audit.record({
            eventId: access.event.id,
            actorId: actor.id,
            requestId: actor.requestId,
            action: `${entityType}.${action}`,
            entityType,
            entityId,
            before,
            after,
        });
    }
    // Sponsors
    async listSponsors(access, query) {
        const limit = query.limit ?? 50;
        return page(await this.facts.listSponsors(access.event.id, limit, position(query.cursor)), limit, (row) => row);
    }
    createSponsor(actor, access, input) {
        return this.tx.run(async () => {
            try {
                const sponsor = await this.facts.createSponsor(access.event.id, { name: input.name, tier: input.tier, website: input.website ?? null });
                await this.record(actor, access, 'sponsor', 'created', sponsor.id, undefined, sponsor);
                return sponsor;
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error, 'name'))
                    throw facts_errors_1.FactErrors.sponsorExists(input.name);
                throw error;
            }
        });
    }
    updateSponsor(actor, access, id, input) {
        return this.tx.run(async () => {
            const before = await this.facts.findSponsor(access.event.id, id);
            if (!before)
                throw facts_errors_1.FactErrors.sponsorNotFound();
            try {
                const after = await this.facts.updateSponsor(id, sent(input));
                await this.record(actor, access, 'sponsor', 'updated', id, before, after);
                return after;
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error, 'name'))
                    throw facts_errors_1.FactErrors.sponsorExists(input.name ?? before.name);
                throw error;
            }
        });
    }
    deleteSponsor(actor, access, id) {
        return this.tx.run(async () => {
            const before = await this.facts.findSponsor(access.event.id, id);
            if (!before)
                throw facts_errors_1.FactErrors.sponsorNotFound();
            await this.facts.deleteSponsor(id);
            await this.record(actor, access, 'sponsor', 'deleted', id, before);
        });
    }
    // Community partners
    async listPartners(access, query) {
        const limit = query.limit ?? 50;
        return page(await this.facts.listPartners(access.event.id, limit, position(query.cursor)), limit, (row) => row);
    }
    createPartner(actor, access, input) {
        return this.tx.run(async () => {
            try {
                const partner = await this.facts.createPartner(access.event.id, { name: input.name, website: input.website ?? null });
                await this.record(actor, access, 'community_partner', 'created', partner.id, undefined, partner);
                return partner;
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error, 'name'))
                    throw facts_errors_1.FactErrors.partnerExists(input.name);
                throw error;
            }
        });
    }
    updatePartner(actor, access, id, input) {
        return this.tx.run(async () => {
            const before = await this.facts.findPartner(access.event.id, id);
            if (!before)
                throw facts_errors_1.FactErrors.partnerNotFound();
            try {
                const after = await this.facts.updatePartner(id, sent(input));
                await this.record(actor, access, 'community_partner', 'updated', id, before, after);
                return after;
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error, 'name'))
                    throw facts_errors_1.FactErrors.partnerExists(input.name ?? before.name);
                throw error;
            }
        });
    }
    deletePartner(actor, access, id) {
        return this.tx.run(async () => {
            const before = await this.facts.findPartner(access.event.id, id);
            if (!before)
                throw facts_errors_1.FactErrors.partnerNotFound();
            await this.facts.deletePartner(id);
            await this.record(actor, access, 'community_partner', 'deleted', id, before);
        });
    }
    // Media and analyst accreditations
    async listAccreditations(access, query) {
        const limit = query.limit ?? 50;
        return page(await this.facts.listAccreditations(access.event.id, limit, position(query.cursor)), limit, (row) => row);
    }
    createAccreditation(actor, access, input) {
        return this.tx.run(async () => {
            const accreditation = await this.facts.createAccreditation(access.event.id, {
                name: input.name,
                outlet: input.outlet,
                kind: input.kind,
                language: input.language,
            });
            await this.record(actor, access, 'media_accreditation', 'created', accreditation.id, undefined, accreditation);
            return accreditation;
        });
    }
    updateAccreditation(actor, access, id, input) {
        return this.tx.run(async () => {
            const before = await this.facts.findAccreditation(access.event.id, id);
            if (!before)
                throw facts_errors_1.FactErrors.accreditationNotFound();
            const after = await this.facts.updateAccreditation(id, sent(input));
            await this.record(actor, access, 'media_accreditation', 'updated', id, before, after);
            return after;
        });
    }
    deleteAccreditation(actor, access, id) {
        return this.tx.run(async () => {
            const before = await this.facts.findAccreditation(access.event.id, id);
            if (!before)
                throw facts_errors_1.FactErrors.accreditationNotFound();
            await this.facts.deleteAccreditation(id);
            await this.record(actor, access, 'media_accreditation', 'deleted', id, before);
        });
    }
    // Organiser-entered facts
    async listFacts(access, query) {
        const limit = query.limit ?? 50;
        return page(await this.facts.listFacts(access.event.id, limit, position(query.cursor)), limit, factView);
    }
    createFact(actor, access, input) {
        if (input.kind === client_1.EventFactKind.FIGURE && (input.value === undefined || input.value === null))
            throw facts_errors_1.FactErrors.figureNeedsValue();
        return this.tx.run(async () => {
            const fact = await this.facts.createFact(access.event.id, {
                kind: input.kind,
                label: input.label,
                labelZh: input.labelZh ?? null,
                value: input.value ?? null,
                source: input.source ?? null,
                url: input.url ?? null,
                publishedOn: day(input.publishedOn) ?? null,
                language: input.language ?? null,
            });
            const view = factView(fact);
            await this.record(actor, access, 'event_fact', 'created', fact.id, undefined, view);
            return view;
        });
    }
    updateFact(actor, access, id, input) {
        return this.tx.run(async () => {
            const before = await this.facts.findFact(access.event.id, id);
            if (!before)
                throw facts_errors_1.FactErrors.factNotFound();
            const changes = { ...sent(input), publishedOn: day(input.publishedOn) };
            if (changes.publishedOn === undefined)
                delete changes.publishedOn;
            const kind = changes.kind ?? before.kind;
            const value = changes.value === undefined ? before.value : changes.value;
            if (kind === client_1.EventFactKind.FIGURE && value === null)
                throw facts_errors_1.FactErrors.figureNeedsValue();
            const after = factView(await this.facts.updateFact(id, changes));
            await this.record(actor, access, 'event_fact', 'updated', id, factView(before), after);
            return after;
        });
    }
    deleteFact(actor, access, id) {
        return this.tx.run(async () => {
            const before = await this.facts.findFact(access.event.id, id);
            if (!before)
                throw facts_errors_1.FactErrors.factNotFound();
            await this.facts.deleteFact(id);
            await this.record(actor, access, 'event_fact', 'deleted', id, factView(before));
        });
    }
};
exports.FactsService = FactsService;
exports.FactsService = FactsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [facts_repository_1.FactsRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost])
], FactsService);
//# sourceMappingURL=facts.service.js.map