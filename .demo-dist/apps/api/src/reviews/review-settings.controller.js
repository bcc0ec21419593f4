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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewSettingsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const event_access_guard_1 = require("../events/event-access.guard");
const review_settings_dto_1 = require("./review-settings.dto");
const review_settings_service_1 = require("./review-settings.service");
let ReviewSettingsController = class ReviewSettingsController {
    settings;
    constructor(settings) {
        this.settings = settings;
    }
    get(access) {
        return this.settings.get(access);
    }
    put(actor, access, body) {
        return this.settings.put(actor, access, body);
    }
};
exports.ReviewSettingsController = ReviewSettingsController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiTags)('reviewing'),
    (0, event_access_guard_1.RequireEventRole)('The review form and window: criteria, weights, scale, reviews wanted, anonymisation', client_1.EventRole.ORGANISER, client_1.EventRole.REVIEWER),
    (0, swagger_1.ApiOkResponse)({ type: review_settings_dto_1.ReviewSettingsDto }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], ReviewSettingsController.prototype, "get", null);
__decorate([
    (0, common_1.Put)(),
    (0, swagger_1.ApiTags)('reviews')
    // Above RequireEventRole so that this fuller description is the one applied last.
    ,
    (0, swagger_1.ApiOperation)({
        summary: 'Set up or replace the review settings',
        description: 'Requires one of these roles in the event: ORGANISER (or administrator). Criteria and scale can change only ' +
            'while no review exists (409 REVIEW_CRITERIA_LOCKED); leaving criteria out keeps the current ones.',
    }),
    (0, event_access_guard_1.RequireEventRole)('Set up or replace the review settings', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: review_settings_dto_1.ReviewSettingsDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, review_settings_dto_1.PutReviewSettingsDto]),
    __metadata("design:returntype", void 0)
], ReviewSettingsController.prototype, "put", null);
exports.ReviewSettingsController = ReviewSettingsController = __decorate([
    (0, common_1.Controller)({ path: 'events/:slug/review-settings', version: '1' }),
    __metadata("design:paramtypes", [review_settings_service_1.ReviewSettingsService])
], ReviewSettingsController);
//# sourceMappingURL=review-settings.controller.js.map