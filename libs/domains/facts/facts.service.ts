import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { EventFactKind } from '@lectern/database/generated/client';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { FactErrors } from './facts.errors';
import { FactWrite, FactsRepository } from './facts.repository';
import { Actor } from "@lectern/domains/auth/auth.types";
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { PageQuery } from '@lectern/database/pagination.types';
import { CreateCommunityPartnerInput } from '@lectern/domains/facts/facts.types';
import { CreateEventFactInput } from '@lectern/domains/facts/facts.types';
import { CreateMediaAccreditationInput } from '@lectern/domains/facts/facts.types';
import { CreateSponsorInput } from '@lectern/domains/facts/facts.types';
import { UpdateCommunityPartnerInput } from '@lectern/domains/facts/facts.types';
import { UpdateEventFactInput } from '@lectern/domains/facts/facts.types';
import { UpdateMediaAccreditationInput } from '@lectern/domains/facts/facts.types';
import { UpdateSponsorInput } from '@lectern/domains/facts/facts.types';

function page<T extends { createdAt: Date; id: string }, V>(rows: T[], limit: number, view: (row: T) => V) {
  const { page: items, nextCursor } = keysetPage(rows, limit, (row) => row.createdAt);
  return { items: items.map(view), nextCursor };
}

/** Keeps only the fields a PATCH actually sent (null included, to clear), so absent ones are left alone. */
function sent<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const day = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`));

type FactRow = Awaited<ReturnType<FactsRepository['findFact']>> & object;

function factView(row: FactRow) {
  return { ...row, publishedOn: row.publishedOn ? row.publishedOn.toISOString().slice(0, 10) : null, enteredByOrganisers: true as const };
}

/**
 * Facts about an edition that its registrations and CFP cannot tell: sponsors by tier, community partners, media
 * and analyst accreditations, and figures or clippings typed in by organisers. Organisers only; every change is
 * audited with the event.
 */
@Injectable()
export class FactsService {
  constructor(
    private readonly facts: FactsRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  private record(actor: Actor, access: EventAccess, entityType: string, action: string, entityId: string, before?: unknown, after?: unknown) {
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

  async listSponsors(access: EventAccess, query: PageQuery) {
    const limit = query.limit ?? 50;
    return page(await this.facts.listSponsors(access.event.id, limit, decodeKeyset(query.cursor)), limit, (row) => row);
  }

  createSponsor(actor: Actor, access: EventAccess, input: CreateSponsorInput) {
    return this.tx.run(async () => {
      try {
        const sponsor = await this.facts.createSponsor(access.event.id, { name: input.name, tier: input.tier, website: input.website ?? null });
        await this.record(actor, access, 'sponsor', 'created', sponsor.id, undefined, sponsor);
        return sponsor;
      } catch (error) {
        if (isUniqueViolation(error, 'name')) throw FactErrors.sponsorExists(input.name);
        throw error;
      }
    });
  }

  updateSponsor(actor: Actor, access: EventAccess, id: string, input: UpdateSponsorInput) {
    return this.tx.run(async () => {
      const before = await this.facts.findSponsor(access.event.id, id);
      if (!before) throw FactErrors.sponsorNotFound();
      try {
        const after = await this.facts.updateSponsor(id, sent(input));
        await this.record(actor, access, 'sponsor', 'updated', id, before, after);
        return after;
      } catch (error) {
        if (isUniqueViolation(error, 'name')) throw FactErrors.sponsorExists(input.name ?? before.name);
        throw error;
      }
    });
  }

  deleteSponsor(actor: Actor, access: EventAccess, id: string) {
    return this.tx.run(async () => {
      const before = await this.facts.findSponsor(access.event.id, id);
      if (!before) throw FactErrors.sponsorNotFound();
      await this.facts.deleteSponsor(id);
      await this.record(actor, access, 'sponsor', 'deleted', id, before);
    });
  }

  // Community partners

  async listPartners(access: EventAccess, query: PageQuery) {
    const limit = query.limit ?? 50;
    return page(await this.facts.listPartners(access.event.id, limit, decodeKeyset(query.cursor)), limit, (row) => row);
  }

  createPartner(actor: Actor, access: EventAccess, input: CreateCommunityPartnerInput) {
    return this.tx.run(async () => {
      try {
        const partner = await this.facts.createPartner(access.event.id, { name: input.name, website: input.website ?? null });
        await this.record(actor, access, 'community_partner', 'created', partner.id, undefined, partner);
        return partner;
      } catch (error) {
        if (isUniqueViolation(error, 'name')) throw FactErrors.partnerExists(input.name);
        throw error;
      }
    });
  }

  updatePartner(actor: Actor, access: EventAccess, id: string, input: UpdateCommunityPartnerInput) {
    return this.tx.run(async () => {
      const before = await this.facts.findPartner(access.event.id, id);
      if (!before) throw FactErrors.partnerNotFound();
      try {
        const after = await this.facts.updatePartner(id, sent(input));
        await this.record(actor, access, 'community_partner', 'updated', id, before, after);
        return after;
      } catch (error) {
        if (isUniqueViolation(error, 'name')) throw FactErrors.partnerExists(input.name ?? before.name);
        throw error;
      }
    });
  }

  deletePartner(actor: Actor, access: EventAccess, id: string) {
    return this.tx.run(async () => {
      const before = await this.facts.findPartner(access.event.id, id);
      if (!before) throw FactErrors.partnerNotFound();
      await this.facts.deletePartner(id);
      await this.record(actor, access, 'community_partner', 'deleted', id, before);
    });
  }

  // Media and analyst accreditations

  async listAccreditations(access: EventAccess, query: PageQuery) {
    const limit = query.limit ?? 50;
    return page(await this.facts.listAccreditations(access.event.id, limit, decodeKeyset(query.cursor)), limit, (row) => row);
  }

  createAccreditation(actor: Actor, access: EventAccess, input: CreateMediaAccreditationInput) {
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

  updateAccreditation(actor: Actor, access: EventAccess, id: string, input: UpdateMediaAccreditationInput) {
    return this.tx.run(async () => {
      const before = await this.facts.findAccreditation(access.event.id, id);
      if (!before) throw FactErrors.accreditationNotFound();
      const after = await this.facts.updateAccreditation(id, sent(input));
      await this.record(actor, access, 'media_accreditation', 'updated', id, before, after);
      return after;
    });
  }

  deleteAccreditation(actor: Actor, access: EventAccess, id: string) {
    return this.tx.run(async () => {
      const before = await this.facts.findAccreditation(access.event.id, id);
      if (!before) throw FactErrors.accreditationNotFound();
      await this.facts.deleteAccreditation(id);
      await this.record(actor, access, 'media_accreditation', 'deleted', id, before);
    });
  }

  // Organiser-entered facts

  async listFacts(access: EventAccess, query: PageQuery) {
    const limit = query.limit ?? 50;
    return page(await this.facts.listFacts(access.event.id, limit, decodeKeyset(query.cursor)), limit, factView);
  }

  createFact(actor: Actor, access: EventAccess, input: CreateEventFactInput) {
    if (input.kind === EventFactKind.FIGURE && (input.value === undefined || input.value === null)) throw FactErrors.figureNeedsValue();
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

  updateFact(actor: Actor, access: EventAccess, id: string, input: UpdateEventFactInput) {
    return this.tx.run(async () => {
      const before = await this.facts.findFact(access.event.id, id);
      if (!before) throw FactErrors.factNotFound();
      const changes: FactWrite = { ...sent(input), publishedOn: day(input.publishedOn) };
      if (changes.publishedOn === undefined) delete changes.publishedOn;
      const kind = changes.kind ?? before.kind;
      const value = changes.value === undefined ? before.value : changes.value;
      if (kind === EventFactKind.FIGURE && value === null) throw FactErrors.figureNeedsValue();
      const after = factView(await this.facts.updateFact(id, changes));
      await this.record(actor, access, 'event_fact', 'updated', id, factView(before), after);
      return after;
    });
  }

  deleteFact(actor: Actor, access: EventAccess, id: string) {
    return this.tx.run(async () => {
      const before = await this.facts.findFact(access.event.id, id);
      if (!before) throw FactErrors.factNotFound();
      await this.facts.deleteFact(id);
      await this.record(actor, access, 'event_fact', 'deleted', id, factView(before));
    });
  }
}
