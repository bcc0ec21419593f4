import { Injectable } from '@nestjs/common';
import { Attendance, Prisma, TicketCategory } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';
import { LocalizedText } from '@lectern/i18n/localized-text';

const TICKET_TYPE_FIELDS = {
  id: true,
  eventId: true,
  name: true,
  category: true,
  attendance: true,
  priceCents: true,
  currency: true,
  salesStartAt: true,
  salesEndAt: true,
  hidden: true,
  createdAt: true,
  quotas: { select: { quotaId: true, quota: { select: { size: true } } }, orderBy: { quotaId: 'asc' } },
} as const satisfies Prisma.TicketTypeSelect;

export type TicketTypeRecord = Prisma.TicketTypeGetPayload<{ select: typeof TICKET_TYPE_FIELDS }>;

export interface TicketTypeWrite {
  name?: LocalizedText;
  category?: TicketCategory;
  priceCents?: number;
  currency?: string;
  salesStartAt?: Date | null;
  salesEndAt?: Date | null;
  hidden?: boolean;
}

const QUOTA_FIELDS = {
  id: true,
  eventId: true,
  name: true,
  size: true,
  createdAt: true,
  ticketTypes: { select: { ticketTypeId: true }, orderBy: { ticketTypeId: 'asc' } },
} as const satisfies Prisma.QuotaSelect;

export type QuotaRecord = Prisma.QuotaGetPayload<{ select: typeof QUOTA_FIELDS }>;

@Injectable()
export class TicketTypesRepository {
  constructor(private readonly tx: TransactionHost) {}

  createType(data: TicketTypeWrite & { eventId: string; name: LocalizedText; category: TicketCategory; attendance: Attendance }) {
    return this.tx.db.ticketType.create({ data, select: TICKET_TYPE_FIELDS });
  }

  updateType(id: string, data: TicketTypeWrite) {
    return this.tx.db.ticketType.update({ where: { id }, data, select: TICKET_TYPE_FIELDS });
  }

  findType(eventId: string, id: string): Promise<TicketTypeRecord | null> {
    return this.tx.db.ticketType.findFirst({ where: { id, eventId }, select: TICKET_TYPE_FIELDS });
  }

  listTypes(eventId: string, includeHidden: boolean): Promise<TicketTypeRecord[]> {
    return this.tx.db.ticketType.findMany({
      where: { eventId, ...(includeHidden ? {} : { hidden: false }) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: TICKET_TYPE_FIELDS,
    });
  }

  countTypes(eventId: string, ids: string[]) {
    return this.tx.db.ticketType.count({ where: { eventId, id: { in: ids } } });
  }

  createQuota(data: { eventId: string; name: string; size: number | null; ticketTypeIds: string[] }) {
    return this.tx.db.quota.create({
      data: {
        eventId: data.eventId,
        name: data.name,
        size: data.size,
        ticketTypes: { create: data.ticketTypeIds.map((ticketTypeId) => ({ ticketTypeId })) },
      },
      select: QUOTA_FIELDS,
    });
  }

  async updateQuota(id: string, data: { name?: string; size?: number | null; ticketTypeIds?: string[] }): Promise<QuotaRecord> {
    if (data.ticketTypeIds) {
      await this.tx.db.ticketTypeQuota.deleteMany({ where: { quotaId: id } });
      await this.tx.db.ticketTypeQuota.createMany({ data: data.ticketTypeIds.map((ticketTypeId) => ({ ticketTypeId, quotaId: id })) });
    }
    return this.tx.db.quota.update({ where: { id }, data: { name: data.name, size: data.size }, select: QUOTA_FIELDS });
  }

  findQuota(eventId: string, id: string): Promise<QuotaRecord | null> {
    return this.tx.db.quota.findFirst({ where: { id, eventId }, select: QUOTA_FIELDS });
  }

  listQuotas(eventId: string): Promise<QuotaRecord[]> {
    return this.tx.db.quota.findMany({ where: { eventId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: QUOTA_FIELDS });
  }
}
