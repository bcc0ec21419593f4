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
exports.VouchersRepository = void 0;
const common_1 = require("@nestjs/common");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
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
    _count: { select: { registrations: { where: { state: { not: client_1.RegistrationState.CANCELLED } } } } },
};
let VouchersRepository = class VouchersRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    create(data) {
        return this.tx.db.voucher.create({ data, select: VOUCHER_FIELDS });
    }
    update(id, data) {
        return this.tx.db.voucher.update({ where: { id }, data, select: VOUCHER_FIELDS });
    }
    find(eventId, id) {
        return this.tx.db.voucher.findFirst({ where: { id, eventId }, select: VOUCHER_FIELDS });
    }
    findByCode(eventId, code) {
        return this.tx.db.voucher.findUnique({ where: { eventId_code: { eventId, code } }, select: VOUCHER_FIELDS });
    }
    list(eventId, limit, after) {
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
};
exports.VouchersRepository = VouchersRepository;
exports.VouchersRepository = VouchersRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], VouchersRepository);
//# sourceMappingURL=vouchers.repository.js.map