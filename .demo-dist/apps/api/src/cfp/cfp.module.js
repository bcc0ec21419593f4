"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CfpModule = void 0;
const common_1 = require("@nestjs/common");
const auth_module_1 = require("../auth/auth.module");
const events_module_1 = require("../events/events.module");
const cfp_access_guard_1 = require("./cfp-access.guard");
const cfp_controller_1 = require("./cfp.controller");
const cfp_repository_1 = require("./cfp.repository");
const cfp_service_1 = require("./cfp.service");
const speakers_controller_1 = require("./speakers.controller");
const submissions_controller_1 = require("./submissions.controller");
const submissions_repository_1 = require("./submissions.repository");
const submissions_service_1 = require("./submissions.service");
let CfpModule = class CfpModule {
};
exports.CfpModule = CfpModule;
exports.CfpModule = CfpModule = __decorate([
    (0, common_1.Module)({
        imports: [auth_module_1.AuthModule, events_module_1.EventsModule],
        controllers: [cfp_controller_1.CfpController, submissions_controller_1.SubmissionsController, speakers_controller_1.SpeakersController],
        providers: [cfp_service_1.CfpService, cfp_repository_1.CfpRepository, submissions_service_1.SubmissionsService, submissions_repository_1.SubmissionsRepository, cfp_access_guard_1.VisibleEventGuard],
        exports: [cfp_service_1.CfpService, cfp_repository_1.CfpRepository, submissions_service_1.SubmissionsService, submissions_repository_1.SubmissionsRepository],
    })
], CfpModule);
//# sourceMappingURL=cfp.module.js.map