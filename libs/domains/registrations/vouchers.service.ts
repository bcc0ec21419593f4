import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { VoucherDiscount } from '@lectern/database/generated/enums';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { TransactionHost } from '@lectern/database/transaction.host';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { InventoryRepository } from './inventory.repository';
import { RegistrationErrors } from './registrations.errors';
import { TicketTypesRepository } from './ticket-types.repository';
import { VoucherRecord, VouchersRepository } from './vouchers.repository';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CreateVoucherInput, UpdateVoucherInput } from '@lectern/domains/registrations/vouchers.types';
const toView = ({ eventId: _eventId, _count, ...voucher }: VoucherRecord) => ({ ...voucher, uses: _count.registrations });

@Injectable()
export class VouchersService {
  constructor(
    private readonly vouchers: VouchersRepository,
    private readonly ticketTypes: TicketTypesRepository,
    private readonly inventory: InventoryRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  /** The voucher a registration redeems: of this ticket type and valid `now`; its uses are the seat check's business. */
  async redeemable(eventId: string, ticketTypeId: string, code: string, now: Date): Promise<VoucherRecord> {
    const voucher = await this.vouchers.findByCode(eventId, code);
    if (!voucher) throw RegistrationErrors.voucherNotFound();
    if (voucher.ticketTypeId !== ticketTypeId) throw RegistrationErrors.voucherWrongTicketType();
    if ((voucher.validFrom && now < voucher.validFrom) || (voucher.validUntil && now >= voucher.validUntil)) {
      throw RegistrationErrors.voucherNotValidNow();
    }
    return voucher;
  }

  async create(actor: Actor, access: EventAccess, input: CreateVoucherInput) {
    if (!(await this.ticketTypes.findType(access.event.id, input.ticketTypeId))) throw RegistrationErrors.ticketTypeNotFound();
    const discountValue = input.discount === VoucherDiscount.FREE ? 0 : input.discountValue;
    if (discountValue === undefined || (input.discount === VoucherDiscount.PERCENT && discountValue > 100)) {
      throw RegistrationErrors.voucherDiscountInvalid();
    }
    const validFrom = input.validFrom ? new Date(input.validFrom) : null;
    const validUntil = input.validUntil ? new Date(input.validUntil) : null;
    this.checkValidity(validFrom, validUntil);
    try {
      return await this.tx.run(async () => {
        const voucher = await this.vouchers.create({
          eventId: access.event.id,
          ticketTypeId: input.ticketTypeId,
          code: input.code,
          discount: input.discount,
          discountValue,
          maxUses: input.maxUses,
          validFrom,
          validUntil,
        });
        await this.audit.record({
          eventId: access.event.id,
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'voucher.created',
          entityType: 'voucher',
          entityId: voucher.id,
          after: toView(voucher),
        });
        return toView(voucher);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'code')) throw RegistrationErrors.voucherCodeTaken(input.code);
      throw error;
    }
  }

  async list(access: EventAccess, limit = 50, cursor?: string) {
    const rows = await this.vouchers.list(access.event.id, limit, decodeKeyset(cursor));
    const { page, nextCursor } = keysetPage(rows, limit, (v) => v.createdAt);
    return { items: page.map(toView), nextCursor };
  }

  async get(access: EventAccess, id: string) {
    const voucher = await this.vouchers.find(access.event.id, id);
    if (!voucher) throw RegistrationErrors.voucherNotFound();
    return toView(voucher);
  }

  /** Lowering the limit below the uses already held is refused; the voucher's lock orders it against redemptions. */
  async update(actor: Actor, access: EventAccess, id: string, input: UpdateVoucherInput) {
    return this.tx.run(async () => {
      await this.inventory.lockVoucher(id);
      const locked = await this.vouchers.find(access.event.id, id);
      if (!locked) throw RegistrationErrors.voucherNotFound();
      const uses = locked._count.registrations;
      if (input.maxUses !== undefined && input.maxUses < uses) throw RegistrationErrors.voucherMaxUsesBelowUses(uses);
      const validFrom = input.validFrom === undefined ? undefined : input.validFrom === null ? null : new Date(input.validFrom);
      const validUntil = input.validUntil === undefined ? undefined : input.validUntil === null ? null : new Date(input.validUntil);
      this.checkValidity(validFrom === undefined ? locked.validFrom : validFrom, validUntil === undefined ? locked.validUntil : validUntil);
      const voucher = await this.vouchers.update(id, { maxUses: input.maxUses, validFrom, validUntil });
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'voucher.updated',
        entityType: 'voucher',
        entityId: id,
        before: { maxUses: locked.maxUses, validFrom: locked.validFrom, validUntil: locked.validUntil },
        after: { maxUses: voucher.maxUses, validFrom: voucher.validFrom, validUntil: voucher.validUntil },
      });
      return toView(voucher);
    });
  }

  private checkValidity(from: Date | null, until: Date | null) {
    if (from && until && until.getTime() <= from.getTime()) throw RegistrationErrors.voucherValidityInvalid();
  }
}
