import { Injectable } from '@nestjs/common';
import { Prisma, VoucherDiscount } from '../../../../libs/database/generated/client';
import { TransactionHost } from '../../../../libs/database/transaction.host';

const VOUCHER_FIELDS = {
  id: true,
  eventId: true,
  ticketTypeId: true,
  code: true,
  discount: true,
  discountValue: true,
  maxUses: true,
  uses: true,
  validFrom: true,
  validUntil: true,
  createdAt: true,
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

  create(data: Required<Pick<VoucherWrite, 'discount' | 'discountValue' | 'maxUses'>> & VoucherWrite & {
    eventId: string;
    ticketTypeId: string;
    code: string;
  }): Promise<VoucherRecord> {
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

  /** Row-locks the voucher so a change of its limit cannot interleave with redemptions. */
  async lockRow(id: string): Promise<void> {
    await this.tx.db.$queryRaw`SELECT id FROM vouchers WHERE id = ${id}::uuid FOR UPDATE`;
  }

  list(eventId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<VoucherRecord[]> {
    return this.tx.db.voucher.findMany({
      where: {
        eventId,
        ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
      select: VOUCHER_FIELDS,
    });
  }

  /**
   * Takes one use if one is left, in a single conditional statement: concurrent redemptions queue on the row and
   * each sees the count the previous one left, so the last use goes to exactly one of them.
   */
  async redeem(id: string): Promise<boolean> {
    const count = await this.tx.db.$executeRaw`
      UPDATE vouchers SET uses = uses + 1, updated_at = now() WHERE id = ${id}::uuid AND uses < max_uses`;
    return count === 1;
  }

  /** Gives a use back when the registration holding it is cancelled. */
  async release(id: string): Promise<void> {
    await this.tx.db.$executeRaw`UPDATE vouchers SET uses = uses - 1, updated_at = now() WHERE id = ${id}::uuid AND uses > 0`;
  }
}
