import { Injectable } from '@nestjs/common';
import { Prisma, RegistrationState, VoucherDiscount } from '@lectern/database/generated/client';
import { KeysetPosition, createdAfter } from '@lectern/database/keyset';
import { TransactionHost } from '@lectern/database/transaction.host';

const VOUCHER_FIELDS = {
  id: true,
  eventId: true,
  ticketTypeId: true,
  code: true,
  discount: true,
  discountValue: true,
  maxUses: true,
  validFrom: true,
  validUntil: true,
  createdAt: true,
  // a use is a registration holding the voucher that is not cancelled; no counter to keep in step
  _count: { select: { registrations: { where: { state: { not: RegistrationState.CANCELLED } } } } },
} as const satisfies Prisma.VoucherSelect;

export type VoucherRecord = Prisma.VoucherGetPayload<{ select: typeof VOUCHER_FIELDS }>;

export interface VoucherWrite {
  discount?: VoucherDiscount;
  discountValue?: number;
  maxUses?: number;
  validFrom?: Date | null;
  validUntil?: Date | null;
}

@Injectable()
export class VouchersRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(
    data: Required<Pick<VoucherWrite, 'discount' | 'discountValue' | 'maxUses'>> &
      VoucherWrite & { eventId: string; ticketTypeId: string; code: string },
  ): Promise<VoucherRecord> {
    return this.tx.db.voucher.create({ data, select: VOUCHER_FIELDS });
  }

  update(id: string, data: VoucherWrite): Promise<VoucherRecord> {
    return this.tx.db.voucher.update({ where: { id }, data, select: VOUCHER_FIELDS });
  }

  find(eventId: string, id: string): Promise<VoucherRecord | null> {
    return this.tx.db.voucher.findFirst({ where: { id, eventId }, select: VOUCHER_FIELDS });
  }

  findByCode(eventId: string, code: string): Promise<VoucherRecord | null> {
    return this.tx.db.voucher.findUnique({ where: { eventId_code: { eventId, code } }, select: VOUCHER_FIELDS });
  }

  list(eventId: string, limit: number, after?: KeysetPosition): Promise<VoucherRecord[]> {
    return this.tx.db.voucher.findMany({
      where: {
        eventId,
        ...createdAfter(after),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
      select: VOUCHER_FIELDS,
    });
  }
}
