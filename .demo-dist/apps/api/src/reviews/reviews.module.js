"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewsModule = void 0;
const common_1 = require("@nestjs/common");
const auth_module_1 = require("../auth/auth.module");
const cfp_module_1 = require("../cfp/cfp.module");
const cfp_access_guard_1 = require("../cfp/cfp-access.guard");
const events_module_1 = require("../events/events.module");
const assignments_controller_1 = require("./assignments.controller");
const assignments_repository_1 = require("./assignments.repository");
const assignments_service_1 = require("./assignments.service");
const conflicts_repository_1 = require("./conflicts.repository");
const decisions_controller_1 = require("./decisions.controller");
const decisions_repository_1 = require("./decisions.repository");
const decisions_service_1 = require("./decisions.service");
const review_settings_controller_1 = require("./review-settings.controller");
const review_settings_repository_1 = require("./review-settings.repository");
const review_settings_service_1 = require("./review-settings.service");
const reviews_controller_1 = require("./reviews.controller");
const reviews_repository_1 = require("./reviews.repository");
const reviews_service_1 = require("./reviews.service");
let ReviewsModule = class ReviewsModule {
};
exports.ReviewsModule = ReviewsModule;
exports.ReviewsModule = ReviewsModule = __decorate([
    (0, common_1.Module)({
        imports: [auth_module_1.AuthModule, events_module_1.EventsModule, cfp_module_1.CfpModule],
        controllers: [review_settings_controller_1.ReviewSettingsController, assignments_controller_1.AssignmentsController, reviews_controller_1.ReviewingController, reviews_controller_1.ReviewsController, decisions_controller_1.DecisionsController],
        providers: [
            review_settings_service_1.ReviewSettingsService,
            review_settings_repository_1.ReviewSettingsRepository,
            assignments_service_1.AssignmentsService,
            assignments_repository_1.AssignmentsRepository,
            conflicts_repository_1.ConflictsRepository,
            reviews_service_1.ReviewsService,
            reviews_repository_1.ReviewsRepository,
            decisions_service_1.DecisionsService,
            decisions_repository_1.DecisionsRepository,
            cfp_access_guard_1.VisibleEventGuard,
        ],
    })
], ReviewsModule);
//# sourceMappingURL=reviews.module.js.map