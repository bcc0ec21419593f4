"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerReportsModule = void 0;
const common_1 = require("@nestjs/common");
const reports_processor_1 = require("./reports.processor");
const reports_repository_1 = require("./reports.repository");
const reports_service_1 = require("./reports.service");
/** Produces transparency reports; the maintenance sweep uses its service to release stuck ones. */
let WorkerReportsModule = class WorkerReportsModule {
};
exports.WorkerReportsModule = WorkerReportsModule;
exports.WorkerReportsModule = WorkerReportsModule = __decorate([
    (0, common_1.Module)({
        providers: [reports_repository_1.WorkerReportsRepository, reports_service_1.WorkerReportsService, reports_processor_1.ReportsProcessor],
        exports: [reports_service_1.WorkerReportsService],
    })
], WorkerReportsModule);
//# sourceMappingURL=reports.module.js.map