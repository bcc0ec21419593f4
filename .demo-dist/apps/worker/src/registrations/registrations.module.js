"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerRegistrationsModule = void 0;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_module_1 = require("../../../../libs/clock/clock.module");
const inventory_repository_1 = require("../../../api/src/registrations/inventory.repository");
const registrations_repository_1 = require("../../../api/src/registrations/registrations.repository");
const waitlist_service_1 = require("../../../api/src/registrations/waitlist.service");
const expire_offers_processor_1 = require("./expire-offers.processor");
/** The API's waiting-list rules, run by the worker on a schedule: one implementation, two entry points. */
let WorkerRegistrationsModule = class WorkerRegistrationsModule {
};
exports.WorkerRegistrationsModule = WorkerRegistrationsModule;
exports.WorkerRegistrationsModule = WorkerRegistrationsModule = __decorate([
    (0, common_1.Module)({
        imports: [clock_module_1.ClockModule],
        providers: [expire_offers_processor_1.ExpireOffersProcessor, waitlist_service_1.WaitlistService, inventory_repository_1.InventoryRepository, registrations_repository_1.RegistrationsRepository, audit_repository_1.AuditRepository],
    })
], WorkerRegistrationsModule);
//# sourceMappingURL=registrations.module.js.map