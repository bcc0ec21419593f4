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
exports.VouchersService = void 0;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const client_1 = require("../../../../libs/database/generated/client");
const prisma_errors_1 = require("../../../../libs/database/prisma-errors");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const cursor_1 = require("../http/cursor");
const inventory_repository_1 = require("./inventory.repository");
const registrations_errors_1 = require("./registrations.errors");
const ticket_types_repository_1 = require("./ticket-types.repository");
const vouchers_repository_1 = require("./vouchers.repository");
const toView = ({ eventId: _eventId, _count, ...voucher }) => ({ ...voucher, uses: _count.registrations });
let VouchersService = class VouchersService {
    vouchers;
    ticketTypes;
    inventory;
    audit;
    tx;
    constructor(vouchers, ticketTypes, inventory, audit, tx) {
        this.vouchers = vouchers;
        this.ticketTypes = ticketTypes;
        this.inventory = inventory;
        this.audit = audit;
        this.tx = tx;
    }
    async create(actor, access, input) {
        if (!(await this.ticketTypes.findType(access.event.id, input.ticketTypeId)))
            throw registrations_errors_1.RegistrationErrors.ticketTypeNotFound();
        const discountValue = input.discount === client_1.VoucherDiscount.FREE ? 0 : input.discountValue;
        if (discountValue === undefined || (input.discount === client_1.VoucherDiscount.PERCENT && discountValue > 100)) {
            throw registrations_errors_1.RegistrationErrors.voucherDiscountInvalid();
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
        }
        catch (error) {
            if ((0, prisma_errors_1.isUniqueViolation)(error, 'code'))
                throw registrations_errors_1.RegistrationErrors.voucherCodeTaken(input.code);
            throw error;
        }
    }
    async list(access, limit = 50, cursor) {
        const after = cursor ? (0, cursor_1.decodeCursor)(cursor, ['string', 'string']) : undefined;
        const rows = await this.vouchers.list(access.event.id, limit, after ? { createdAt: new Date(after[0]), id: after[1] } : undefined);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
            items: page.map(toView),
            nextCursor: rows.length > limit && last ? (0, cursor_1.encodeCursor)([last.createdAt.toISOString(), last.id]) : null,
        };
    }
    async get(access, id) {
        const voucher = await this.vouchers.find(access.event.id, id);
        if (!voucher)
            throw registrations_errors_1.RegistrationErrors.voucherNotFound();
        return toView(voucher);
    }
    /** Lowering the limit below the uses already held is refused; the voucher's lock orders it against redemptions. */
    async update(actor, access, id, input) {
        return this.tx.run(async () => {
            await this.inventory.lockVoucher(id);
            const locked = await this.vouchers.find(access.event.id, id);
            if (!locked)
                throw registrations_errors_1.RegistrationErrors.voucherNotFound();
            const uses = locked._count.registrations;
            if (input.maxUses !== undefined && input.maxUses < uses)
                throw registrations_errors_1.RegistrationErrors.voucherMaxUsesBelowUses(uses);
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
    checkValidity(from, until) {
        if (from && until && until.getTime() <= from.getTime())
            throw registrations_errors_1.RegistrationErrors.voucherValidityInvalid();
    }
};
exports.VouchersService = VouchersService;
exports.VouchersService = VouchersService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [vouchers_repository_1.VouchersRepository,
        ticket_types_repository_1.TicketTypesRepository,
        inventory_repository_1.InventoryRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost])
], VouchersService);
//# sourceMappingURL=vouchers.service.js.map