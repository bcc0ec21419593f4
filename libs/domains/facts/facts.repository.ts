import { Injectable } from '@nestjs/common';
import { Prisma } from '@lectern/database/generated/client';
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
  value: true,
  unit: true,
  source: true,
  url: true,
  publishedOn: true,
  language: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** Each kind of organiser-entered fact: its Prisma model and what is read of it. */
const TABLES = {
  sponsor: { model: 'sponsor', select: SPONSOR },
  communityPartner: { model: 'communityPartner', select: PARTNER },
  mediaAccreditation: { model: 'mediaAccreditation', select: ACCREDITATION },
  eventFact: { model: 'eventFact', select: FACT },
} as const;

export type FactTable = keyof typeof TABLES;

export interface FactRecords {
  sponsor: Prisma.SponsorGetPayload<{ select: typeof SPONSOR }>;
  communityPartner: Prisma.CommunityPartnerGetPayload<{ select: typeof PARTNER }>;
  mediaAccreditation: Prisma.MediaAccreditationGetPayload<{ select: typeof ACCREDITATION }>;
  eventFact: Prisma.EventFactGetPayload<{ select: typeof FACT }>;
}

/** What a request may write of a fact: everything read but its id and timestamps. */
export type FactData<T extends FactTable> = Omit<FactRecords[T], 'id' | 'createdAt' | 'updatedAt'>;

/** The calls this repository makes, which every fact model's delegate answers alike. */
interface FactDelegate {
  findMany(args: object): Promise<unknown[]>;
  findFirst(args: object): Promise<unknown>;
  create(args: object): Promise<unknown>;
  update(args: object): Promise<unknown>;
  delete(args: object): Promise<unknown>;
}

/** Sponsors, community partners, media accreditations and organiser-entered facts, always scoped by event. */
@Injectable()
export class FactsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private delegate(table: FactTable): FactDelegate {
    return this.tx.db[TABLES[table].model];
  }

  async list<T extends FactTable>(table: T, eventId: string, limit: number, position?: KeysetPosition) {
    const where = { eventId, ...createdAfter(position) };
    return (await this.delegate(table).findMany({ where, orderBy: ORDER, take: limit + 1, select: TABLES[table].select })) as FactRecords[T][];
  }

  async find<T extends FactTable>(table: T, eventId: string, id: string) {
    return (await this.delegate(table).findFirst({ where: { id, eventId }, select: TABLES[table].select })) as FactRecords[T] | null;
  }

  async create<T extends FactTable>(table: T, eventId: string, data: FactData<T>) {
    return (await this.delegate(table).create({ data: { eventId, ...data }, select: TABLES[table].select })) as FactRecords[T];
  }

  async update<T extends FactTable>(table: T, id: string, data: Partial<FactData<T>>) {
    return (await this.delegate(table).update({ where: { id }, data, select: TABLES[table].select })) as FactRecords[T];
  }

  async delete(table: FactTable, id: string): Promise<void> {
    await this.delegate(table).delete({ where: { id } });
  }
}
