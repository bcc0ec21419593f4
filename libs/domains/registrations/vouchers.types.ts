import { VoucherDiscount } from '@lectern/database/generated/enums';

export interface CreateVoucherInput {
  code: string;
  ticketTypeId: string;
  discount: VoucherDiscount;
  discountValue?: number;
  maxUses: number;
  validFrom?: string;
  validUntil?: string;
}

export interface UpdateVoucherInput {
  maxUses?: number;
  validFrom?: string | null;
  validUntil?: string | null;
}
