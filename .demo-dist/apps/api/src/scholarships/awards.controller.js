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
exports.AwardsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const cfp_access_guard_1 = require("../cfp/cfp-access.guard");
const event_access_guard_1 = require("../events/event-access.guard");
const awards_dto_1 = require("./awards.dto");
const awards_service_1 = require("./awards.service");
let AwardsController = class AwardsController {
    awards;
    constructor(awards) {
        this.awards = awards;
    }
    create(actor, access, body) {
        return this.awards.award(actor, access, body);
    }
    list(access, query) {
        return this.awards.list(access, query);
    }
    accept(actor, access, id) {
        return this.awards.accept(actor, access, id);
    }
    decline(actor, access, id) {
        return this.awards.decline(actor, access, id);
    }
    revoke(actor, access, id) {
        return this.awards.revoke(actor, access, id);
    }
};
exports.AwardsController = AwardsController;
__decorate([
    (0, common_1.Post)('awards'),
    (0, event_access_guard_1.RequireEventRole)('Award an application a travel grant (≤ the cap) and/or a free registration, within the budget', client_1.EventRole.SCHOLARSHIP_COMMITTEE),
    (0, swagger_1.ApiCreatedResponse)({ type: awards_dto_1.AwardDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, awards_dto_1.CreateAwardDto]),
    __metadata("design:returntype", void 0)
], AwardsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)('awards'),
    (0, event_access_guard_1.RequireEventRole)('Awards with recipients and amounts (no application content)', client_1.EventRole.ORGANISER, client_1.EventRole.SCHOLARSHIP_COMMITTEE),
    (0, swagger_1.ApiOkResponse)({ type: awards_dto_1.AwardPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, awards_dto_1.ListAwardsQueryDto]),
    __metadata("design:returntype", void 0)
], AwardsController.prototype, "list", null);
__decorate([
    (0, common_1.Post)('awards/:id/accept'),
    (0, common_1.HttpCode)(200),
    (0, cfp_access_guard_1.ForEventVisitors)('Accept your award', 'The recipient, while the award is offered. Anyone else’s award does not exist (404).'),
    (0, swagger_1.ApiOkResponse)({ type: awards_dto_1.AwardDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], AwardsController.prototype, "accept", null);
__decorate([
    (0, common_1.Post)('awards/:id/decline'),
    (0, common_1.HttpCode)(200),
    (0, cfp_access_guard_1.ForEventVisitors)('Decline your award', 'The recipient, while it is offered or accepted: its grant returns to the budget and its free registration is cancelled.'),
    (0, swagger_1.ApiOkResponse)({ type: awards_dto_1.AwardDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409, 503),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], AwardsController.prototype, "decline", null);
__decorate([
    (0, common_1.Post)('awards/:id/revoke'),
    (0, common_1.HttpCode)(200),
    (0, event_access_guard_1.RequireEventRole)('Revoke an award: its grant returns to the budget and its free registration is cancelled', client_1.EventRole.SCHOLARSHIP_COMMITTEE),
    (0, swagger_1.ApiOkResponse)({ type: awards_dto_1.AwardDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409, 503),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], AwardsController.prototype, "revoke", null);
exports.AwardsController = AwardsController = __decorate([
    (0, swagger_1.ApiTags)('scholarships'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)({ path: 'events/:slug/scholarships', version: '1' }),
    __metadata("design:paramtypes", [awards_service_1.AwardsService])
], AwardsController);
//# sourceMappingURL=awards.controller.js.map