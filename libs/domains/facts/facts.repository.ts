import { Injectable } from '@nestjs/common';
import { EventFactKind, MediaKind, SponsorTier } from '@lectern/database/generated/client';
import { KeysetPosition, createdAfter } from '@lectern/database/keyset';
import { TransactionHost } from '@lectern/database/transaction.host';

const ORDER = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

const SPONSOR = { id: true, name: true, tier: true, website: true, createdAt: true, updatedAt: true } as const;
const PARTNER = { id: true, name: true, website: true, createdAt: true, updatedAt: true } as const;
const ACCREDITATION = { id: true, name: true, outlet: true, kind: true, language: true, createdAt: true, updatedAt: true } as const;
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
} as const;

export interface FactWrite {
  kind?: EventFactKind;
  label?: string;
  labelZh?: string | null;
  value?: number | null;
  source?: string | null;
  url?: string | null;
  publishedOn?: Date | null;
  language?: string | null;
}

/** Sponsors, community partners, media accreditations and organiser-entered facts, always scoped by event. */
@Injectable()
export class FactsRepository {
  constructor(private readonly tx: TransactionHost) {}

  listSponsors(eventId: string, limit: number, position?: KeysetPosition) {
    return this.tx.db.sponsor.findMany({ where: { eventId, ...createdAfter(position) }, orderBy: ORDER, take: limit + 1, select: SPONSOR });
  }

  findSponsor(eventId: string, id: string) {
    return this.tx.db.sponsor.findFirst({ where: { id, eventId }, select: SPONSOR });
  }

  createSponsor(eventId: string, data: { name: string; tier: SponsorTier; website: string | null }) {
    return this.tx.db.sponsor.create({ data: { eventId, ...data }, select: SPONSOR });
  }

  updateSponsor(id: string, data: { name?: string; tier?: SponsorTier; website?: string | null }) {
    return this.tx.db.sponsor.update({ where: { id }, data, select: SPONSOR });
  }

  deleteSponsor(id: string) {
    return this.tx.db.sponsor.delete({ where: { id } });
  }

  listPartners(eventId: string, limit: number, position?: KeysetPosition) {
    return this.tx.db.communityPartner.findMany({ where: { eventId, ...createdAfter(position) }, orderBy: ORDER, take: limit + 1, select: PARTNER });
  }

  findPartner(eventId: string, id: string) {
    return this.tx.db.communityPartner.findFirst({ where: { id, eventId }, select: PARTNER });
  }

  createPartner(eventId: string, data: { name: string; website: string | null }) {
    return this.tx.db.communityPartner.create({ data: { eventId, ...data }, select: PARTNER });
  }

  updatePartner(id: string, data: { name?: string; website?: string | null }) {
    return this.tx.db.communityPartner.update({ where: { id }, data, select: PARTNER });
  }

  deletePartner(id: string) {
    return this.tx.db.communityPartner.delete({ where: { id } });
  }

  listAccreditations(eventId: string, limit: number, position?: KeysetPosition) {
    return this.tx.db.mediaAccreditation.findMany({
      where: { eventId, ...createdAfter(position) },
      orderBy: ORDER,
      take: limit + 1,
      select: ACCREDITATION,
    });
  }

  findAccreditation(eventId: string, id: string) {
    return this.tx.db.mediaAccreditation.findFirst({ where: { id, eventId }, select: ACCREDITATION });
  }

  createAccreditation(eventId: string, data: { name: string; outlet: string; kind: MediaKind; language: string }) {
    return this.tx.db.mediaAccreditation.create({ data: { eventId, ...data }, select: ACCREDITATION });
  }

  updateAccreditation(id: string, data: { name?: string; outlet?: string; kind?: MediaKind; language?: string }) {
    return this.tx.db.mediaAccreditation.update({ where: { id }, data, select: ACCREDITATION });
  }

  deleteAccreditation(id: string) {
    return this.tx.db.mediaAccreditation.delete({ where: { id } });
  }

  listFacts(eventId: string, limit: number, position?: KeysetPosition) {
    return this.tx.db.eventFact.findMany({ where: { eventId, ...createdAfter(position) }, orderBy: ORDER, take: limit + 1, select: FACT });
  }

  findFact(eventId: string, id: string) {
    return this.tx.db.eventFact.findFirst({ where: { id, eventId }, select: FACT });
  }

  createFact(eventId: string, data: FactWrite & { kind: EventFactKind; label: string }) {
    return this.tx.db.eventFact.create({ data: { eventId, ...data }, select: FACT });
  }

  updateFact(id: string, data: FactWrite) {
    return this.tx.db.eventFact.update({ where: { id }, data, select: FACT });
  }

  deleteFact(id: string) {
    return this.tx.db.eventFact.delete({ where: { id } });
  }
}
