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
exports.MaintenanceRepository = void 0;
const common_1 = require("@nestjs/common");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
let MaintenanceRepository = class MaintenanceRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    async deleteExpiredLoginThrottles(now) {
        const { count } = await this.tx.db.loginThrottle.deleteMany({ where: { expiresAt: { lte: now } } });
        return count;
    }
    async deleteExpiredIdempotencyKeys(now) {
        const { count } = await this.tx.db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
        return count;
    }
};
exports.MaintenanceRepository = MaintenanceRepository;
exports.MaintenanceRepository = MaintenanceRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], MaintenanceRepository);
//# sourceMappingURL=maintenance.repository.js.map