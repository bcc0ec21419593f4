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
exports.SpeakersController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const cfp_dto_1 = require("./cfp.dto");
const cfp_service_1 = require("./cfp.service");
const submissions_dto_1 = require("./submissions.dto");
const submissions_service_1 = require("./submissions.service");
let SpeakersController = class SpeakersController {
    cfp;
    submissions;
    constructor(cfp, submissions) {
        this.cfp = cfp;
        this.submissions = submissions;
    }
    getProfile(actor) {
        return this.cfp.getProfile(actor);
    }
    putProfile(actor, body) {
        return this.cfp.putProfile(actor, body);
    }
    invitations(actor) {
        return this.submissions.myInvitations(actor);
    }
};
exports.SpeakersController = SpeakersController;
__decorate([
    (0, common_1.Get)('speaker-profile'),
    (0, swagger_1.ApiOperation)({ summary: 'Your speaker profile', description: 'Any signed-in user, for themselves.' }),
    (0, swagger_1.ApiOkResponse)({ type: cfp_dto_1.SpeakerProfileDto }),
    (0, problem_dto_1.ApiProblems)(401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], SpeakersController.prototype, "getProfile", null);
__decorate([
    (0, common_1.Put)('speaker-profile'),
    (0, swagger_1.ApiOperation)({
        summary: 'Create or replace your speaker profile',
        description: 'Any signed-in user, for themselves. Needed before submitting or accepting a co-speaker invitation.',
    }),
    (0, swagger_1.ApiOkResponse)({ type: cfp_dto_1.SpeakerProfileDto }),
    (0, problem_dto_1.ApiProblems)(400, 401),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, cfp_dto_1.SpeakerProfileInputDto]),
    __metadata("design:returntype", void 0)
], SpeakersController.prototype, "putProfile", null);
__decorate([
    (0, common_1.Get)('cospeaker-invitations'),
    (0, swagger_1.ApiOperation)({
        summary: 'Open co-speaker invitations addressed to your e-mail, in every event',
        description: 'Any signed-in user, for themselves. Accept or decline under /v1/events/{slug}/cospeaker-invitations/{id}.',
    }),
    (0, swagger_1.ApiOkResponse)({ type: [submissions_dto_1.PendingInvitationDto] }),
    (0, problem_dto_1.ApiProblems)(401),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], SpeakersController.prototype, "invitations", null);
exports.SpeakersController = SpeakersController = __decorate([
    (0, swagger_1.ApiTags)('speakers'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)({ path: 'me', version: '1' }),
    __metadata("design:paramtypes", [cfp_service_1.CfpService,
        submissions_service_1.SubmissionsService])
], SpeakersController);
//# sourceMappingURL=speakers.controller.js.map