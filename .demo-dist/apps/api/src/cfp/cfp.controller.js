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
exports.CfpController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const event_access_guard_1 = require("../events/event-access.guard");
const cfp_access_guard_1 = require("./cfp-access.guard");
const cfp_dto_1 = require("./cfp.dto");
const cfp_service_1 = require("./cfp.service");
let CfpController = class CfpController {
    cfp;
    constructor(cfp) {
        this.cfp = cfp;
    }
    get(access) {
        return this.cfp.get(access);
    }
    put(actor, access, body) {
        return this.cfp.put(actor, access, body);
    }
    patch(actor, access, body) {
        return this.cfp.patch(actor, access, body);
    }
    createFormat(actor, access, body) {
        return this.cfp.createFormat(actor, access, body);
    }
    updateFormat(actor, access, format, body) {
        return this.cfp.updateFormat(actor, access, format, body);
    }
    async deleteFormat(actor, access, format) {
        await this.cfp.deleteFormat(actor, access, format);
    }
    createTrack(actor, access, body) {
        return this.cfp.createTrack(actor, access, body);
    }
    updateTrack(actor, access, track, body) {
        return this.cfp.updateTrack(actor, access, track, body);
    }
    async deleteTrack(actor, access, track) {
        await this.cfp.deleteTrack(actor, access, track);
    }
    createQuestion(actor, access, body) {
        return this.cfp.createQuestion(actor, access, body);
    }
    updateQuestion(actor, access, questionId, body) {
        return this.cfp.updateQuestion(actor, access, questionId, body);
    }
    async archiveQuestion(actor, access, questionId) {
        await this.cfp.archiveQuestion(actor, access, questionId);
    }
    getSpeakerAnswers(actor, access) {
        return this.cfp.getSpeakerAnswers(actor, access);
    }
    putSpeakerAnswers(actor, access, body) {
        return this.cfp.putSpeakerAnswers(actor, access, body);
    }
};
exports.CfpController = CfpController;
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)(),
    (0, cfp_access_guard_1.ForEventVisitors)('The call for proposals: window, limits, formats, tracks, levels, languages and questions', 'Anyone may read it for a published event (no token needed); for a draft event, only people with a role in it.'),
    (0, swagger_1.ApiOkResponse)({ type: cfp_dto_1.CfpDto }),
    (0, problem_dto_1.ApiProblems)(404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "get", null);
__decorate([
    (0, common_1.Put)(),
    (0, event_access_guard_1.RequireEventRole)('Open the CFP (first call adds the default formats) or replace its settings', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: cfp_dto_1.CfpDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, cfp_dto_1.PutCfpSettingsDto]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "put", null);
__decorate([
    (0, common_1.Patch)(),
    (0, event_access_guard_1.RequireEventRole)('Change some CFP settings', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: cfp_dto_1.CfpDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, cfp_dto_1.PatchCfpSettingsDto]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "patch", null);
__decorate([
    (0, common_1.Post)('formats'),
    (0, event_access_guard_1.RequireEventRole)('Add a session format', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: cfp_dto_1.FormatDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, cfp_dto_1.CreateFormatDto]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "createFormat", null);
__decorate([
    (0, common_1.Patch)('formats/:format'),
    (0, event_access_guard_1.RequireEventRole)('Change a session format', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: cfp_dto_1.FormatDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('format')),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, cfp_dto_1.UpdateFormatDto]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "updateFormat", null);
__decorate([
    (0, common_1.Delete)('formats/:format'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Delete a session format no submission uses', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('format')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], CfpController.prototype, "deleteFormat", null);
__decorate([
    (0, common_1.Post)('tracks'),
    (0, event_access_guard_1.RequireEventRole)('Add a track', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: cfp_dto_1.TrackDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, cfp_dto_1.CreateTrackDto]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "createTrack", null);
__decorate([
    (0, common_1.Patch)('tracks/:track'),
    (0, event_access_guard_1.RequireEventRole)('Change a track', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: cfp_dto_1.TrackDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('track')),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, cfp_dto_1.UpdateTrackDto]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "updateTrack", null);
__decorate([
    (0, common_1.Delete)('tracks/:track'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Delete a track no submission uses', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('track')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], CfpController.prototype, "deleteTrack", null);
__decorate([
    (0, common_1.Post)('questions'),
    (0, event_access_guard_1.RequireEventRole)('Add a custom question', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: cfp_dto_1.QuestionDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, cfp_dto_1.CreateQuestionDto]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "createQuestion", null);
__decorate([
    (0, common_1.Patch)('questions/:questionId'),
    (0, event_access_guard_1.RequireEventRole)('Change a custom question (its scope and type stay)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: cfp_dto_1.QuestionDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('questionId', (0, uuid_pipe_1.uuidParam)('questionId'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, cfp_dto_1.UpdateQuestionDto]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "updateQuestion", null);
__decorate([
    (0, common_1.Delete)('questions/:questionId'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Archive a custom question: no longer asked, answers kept', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('questionId', (0, uuid_pipe_1.uuidParam)('questionId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], CfpController.prototype, "archiveQuestion", null);
__decorate([
    (0, common_1.Get)('speaker-answers'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, cfp_access_guard_1.ForEventVisitors)('Your answers to this event’s speaker questions', 'Any signed-in user, for themselves.'),
    (0, swagger_1.ApiOkResponse)({ type: cfp_dto_1.SpeakerAnswersDto }),
    (0, problem_dto_1.ApiProblems)(401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "getSpeakerAnswers", null);
__decorate([
    (0, common_1.Put)('speaker-answers'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, cfp_access_guard_1.ForEventVisitors)('Answer this event’s speaker questions (asked once per speaker, not per submission)', 'Any signed-in user, for themselves. Answers left out are kept; null removes one.'),
    (0, swagger_1.ApiOkResponse)({ type: cfp_dto_1.SpeakerAnswersDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, cfp_dto_1.SpeakerAnswersInputDto]),
    __metadata("design:returntype", void 0)
], CfpController.prototype, "putSpeakerAnswers", null);
exports.CfpController = CfpController = __decorate([
    (0, swagger_1.ApiTags)('cfp'),
    (0, common_1.Controller)({ path: 'events/:slug/cfp', version: '1' }),
    __metadata("design:paramtypes", [cfp_service_1.CfpService])
], CfpController);
//# sourceMappingURL=cfp.controller.js.map