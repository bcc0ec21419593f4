"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var WorkerModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerModule = void 0;
const common_1 = require("@nestjs/common");
const config_module_1 = require("../../../libs/config/config.module");
const database_module_1 = require("../../../libs/database/database.module");
const queue_module_1 = require("../../../libs/queue/queue.module");
const maintenance_module_1 = require("./maintenance/maintenance.module");
const notifications_module_1 = require("./notifications/notifications.module");
const registrations_module_1 = require("./registrations/registrations.module");
const reports_module_1 = require("./reports/reports.module");
let WorkerModule = WorkerModule_1 = class WorkerModule {
    static forRoot(config) {
        return {
            module: WorkerModule_1,
            imports: [config_module_1.ConfigModule.forRoot(config), database_module_1.DatabaseModule, queue_module_1.QueueModule.forRoot(config, 'worker'), maintenance_module_1.MaintenanceModule, registrations_module_1.WorkerRegistrationsModule, notifications_module_1.NotificationsModule, reports_module_1.WorkerReportsModule],
        };
    }
};
exports.WorkerModule = WorkerModule;
exports.WorkerModule = WorkerModule = WorkerModule_1 = __decorate([
    (0, common_1.Module)({})
], WorkerModule);
//# sourceMappingURL=worker.module.js.map