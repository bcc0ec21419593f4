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
exports.MaintenanceService = void 0;
const common_1 = require("@nestjs/common");
const reports_service_1 = require("../reports/reports.service");
const maintenance_repository_1 = require("./maintenance.repository");
let MaintenanceService = class MaintenanceService {
    repository;
    reports;
    constructor(repository, reports) {
        this.repository = repository;
        this.reports = reports;
    }
    async sweep(now = new Date()) {
        return {
            loginThrottlesDeleted: await this.repository.deleteExpiredLoginThrottles(now),
            idempotencyKeysDeleted: await this.repository.deleteExpiredIdempotencyKeys(now),
            ...(await this.reports.sweepStuck(now)),
        };
    }
};
exports.MaintenanceService = MaintenanceService;
exports.MaintenanceService = MaintenanceService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [maintenance_repository_1.MaintenanceRepository,
        reports_service_1.WorkerReportsService])
], MaintenanceService);
//# sourceMappingURL=maintenance.service.js.map