"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.MaintenanceModule = void 0;
const common_1 = require("@nestjs/common");
const reports_module_1 = require("../reports/reports.module");
const maintenance_processor_1 = require("./maintenance.processor");
const maintenance_repository_1 = require("./maintenance.repository");
const maintenance_service_1 = require("./maintenance.service");
let MaintenanceModule = class MaintenanceModule {
};
exports.MaintenanceModule = MaintenanceModule;
exports.MaintenanceModule = MaintenanceModule = __decorate([
    (0, common_1.Module)({ imports: [reports_module_1.WorkerReportsModule], providers: [maintenance_processor_1.MaintenanceProcessor, maintenance_service_1.MaintenanceService, maintenance_repository_1.MaintenanceRepository] })
], MaintenanceModule);
//# sourceMappingURL=maintenance.module.js.map