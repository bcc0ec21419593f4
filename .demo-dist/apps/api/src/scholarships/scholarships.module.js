"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ScholarshipsModule = void 0;
const common_1 = require("@nestjs/common");
const cfp_access_guard_1 = require("../cfp/cfp-access.guard");
const events_module_1 = require("../events/events.module");
const registrations_module_1 = require("../registrations/registrations.module");
const applications_controller_1 = require("./applications.controller");
const applications_repository_1 = require("./applications.repository");
const applications_service_1 = require("./applications.service");
const awards_controller_1 = require("./awards.controller");
const awards_repository_1 = require("./awards.repository");
const awards_service_1 = require("./awards.service");
const committee_controller_1 = require("./committee.controller");
const committee_repository_1 = require("./committee.repository");
const committee_service_1 = require("./committee.service");
const programmes_controller_1 = require("./programmes.controller");
const programmes_repository_1 = require("./programmes.repository");
const programmes_service_1 = require("./programmes.service");
let ScholarshipsModule = class ScholarshipsModule {
};
exports.ScholarshipsModule = ScholarshipsModule;
exports.ScholarshipsModule = ScholarshipsModule = __decorate([
    (0, common_1.Module)({
        imports: [events_module_1.EventsModule, registrations_module_1.RegistrationsModule],
        controllers: [programmes_controller_1.ProgrammesController, applications_controller_1.ApplicationsController, committee_controller_1.CommitteeController, awards_controller_1.AwardsController],
        providers: [
            programmes_service_1.ProgrammesService,
            programmes_repository_1.ProgrammesRepository,
            applications_service_1.ApplicationsService,
            applications_repository_1.ApplicationsRepository,
            committee_service_1.CommitteeService,
            committee_repository_1.CommitteeRepository,
            awards_service_1.AwardsService,
            awards_repository_1.AwardsRepository,
            cfp_access_guard_1.VisibleEventGuard,
        ],
    })
], ScholarshipsModule);
//# sourceMappingURL=scholarships.module.js.map