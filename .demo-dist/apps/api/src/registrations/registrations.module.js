"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RegistrationsModule = void 0;
const common_1 = require("@nestjs/common");
const clock_module_1 = require("../../../../libs/clock/clock.module");
const events_module_1 = require("../events/events.module");
const checkin_controller_1 = require("./checkin.controller");
const checkin_repository_1 = require("./checkin.repository");
const checkin_service_1 = require("./checkin.service");
const idempotency_repository_1 = require("./idempotency.repository");
const inventory_repository_1 = require("./inventory.repository");
const registrations_controller_1 = require("./registrations.controller");
const registrations_repository_1 = require("./registrations.repository");
const registrations_service_1 = require("./registrations.service");
const ticket_types_controller_1 = require("./ticket-types.controller");
const ticket_types_repository_1 = require("./ticket-types.repository");
const ticket_types_service_1 = require("./ticket-types.service");
const vouchers_controller_1 = require("./vouchers.controller");
const vouchers_repository_1 = require("./vouchers.repository");
const vouchers_service_1 = require("./vouchers.service");
const waitlist_service_1 = require("./waitlist.service");
let RegistrationsModule = class RegistrationsModule {
};
exports.RegistrationsModule = RegistrationsModule;
exports.RegistrationsModule = RegistrationsModule = __decorate([
    (0, common_1.Module)({
        imports: [clock_module_1.ClockModule, events_module_1.EventsModule],
        controllers: [registrations_controller_1.RegistrationsController, ticket_types_controller_1.TicketTypesController, vouchers_controller_1.VouchersController, checkin_controller_1.CheckInController],
        providers: [
            registrations_service_1.RegistrationsService,
            ticket_types_service_1.TicketTypesService,
            vouchers_service_1.VouchersService,
            checkin_service_1.CheckInService,
            waitlist_service_1.WaitlistService,
            registrations_repository_1.RegistrationsRepository,
            ticket_types_repository_1.TicketTypesRepository,
            vouchers_repository_1.VouchersRepository,
            checkin_repository_1.CheckInRepository,
            inventory_repository_1.InventoryRepository,
            idempotency_repository_1.IdempotencyRepository,
        ],
        exports: [registrations_service_1.RegistrationsService, waitlist_service_1.WaitlistService],
    })
], RegistrationsModule);
//# sourceMappingURL=registrations.module.js.map