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
exports.DecisionsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const event_access_guard_1 = require("../events/event-access.guard");
const cfp_access_guard_1 = require("../cfp/cfp-access.guard");
const decisions_dto_1 = require("./decisions.dto");
const decisions_service_1 = require("./decisions.service");
const OWNER = 'Only the owner of the submission (who submitted it), once the acceptance is released.';
let DecisionsController = class DecisionsController {
    decisions;
    constructor(decisions) {
        this.decisions = decisions;
    }
    decide(actor, access, id, body) {
        return this.decisions.decide(actor, access, id, body.decision);
    }
    async clear(actor, access, id) {
        await this.decisions.clear(actor, access, id);
    }
    outcome(actor, access, id) {
        return this.decisions.outcome(actor, access, id);
    }
    confirm(actor, access, id) {
        return this.decisions.confirm(actor, access, id);
    }
    decline(actor, access, id) {
        return this.decisions.decline(actor, access, id);
    }
    bulk(actor, access, body) {
        return this.decisions.bulk(actor, access, body);
    }
    release(actor, access, body) {
        return this.decisions.release(actor, access, body);
    }
};
exports.DecisionsController = DecisionsController;
__decorate([
    (0, common_1.Put)('submissions/:id/decision'),
    (0, event_access_guard_1.RequireEventRole)('Accept, reject or waitlist a submission (speakers see it once released)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: decisions_dto_1.DecisionDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, decisions_dto_1.DecideDto]),
    __metadata("design:returntype", void 0)
], DecisionsController.prototype, "decide", null);
__decorate([
    (0, common_1.Delete)('submissions/:id/decision'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Take back a decision that is not released yet', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], DecisionsController.prototype, "clear", null);
__decorate([
    (0, common_1.Get)('submissions/:id/decision'),
    (0, cfp_access_guard_1.ForEventVisitors)('The released decision on a submission, with the reviewer comments meant for its speakers', 'Speakers of the submission, and organisers (who see what the speakers see). Nothing is shown before the ' +
        'organisers release the decision; committee comments and reviewer names never are. Anyone else gets 404.'),
    (0, swagger_1.ApiOkResponse)({ type: decisions_dto_1.SubmissionOutcomeDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], DecisionsController.prototype, "outcome", null);
__decorate([
    (0, common_1.Post)('submissions/:id/confirm'),
    (0, common_1.HttpCode)(200),
    (0, cfp_access_guard_1.ForEventVisitors)('Confirm an accepted talk', OWNER),
    (0, swagger_1.ApiOkResponse)({ type: decisions_dto_1.SubmissionOutcomeDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], DecisionsController.prototype, "confirm", null);
__decorate([
    (0, common_1.Post)('submissions/:id/decline'),
    (0, common_1.HttpCode)(200),
    (0, cfp_access_guard_1.ForEventVisitors)('Decline an accepted talk (the best waitlisted talk of its track may take its place)', `${OWNER} When the review settings say so, the best waitlisted proposal of the same track is accepted and released at once.`),
    (0, swagger_1.ApiOkResponse)({ type: decisions_dto_1.SubmissionOutcomeDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], DecisionsController.prototype, "decline", null);
__decorate([
    (0, common_1.Post)('decisions/bulk'),
    (0, common_1.HttpCode)(200),
    (0, event_access_guard_1.RequireEventRole)('Decide by rank: accept (and waitlist) the best of each track or format by share or quota', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: decisions_dto_1.BulkDecisionResultDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, decisions_dto_1.BulkDecisionDto]),
    __metadata("design:returntype", void 0)
], DecisionsController.prototype, "bulk", null);
__decorate([
    (0, common_1.Post)('decisions/release'),
    (0, common_1.HttpCode)(200),
    (0, event_access_guard_1.RequireEventRole)('Release pending decisions to the speakers (submission states change; speakers are notified)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: decisions_dto_1.ReleaseResultDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, decisions_dto_1.ReleaseDto]),
    __metadata("design:returntype", void 0)
], DecisionsController.prototype, "release", null);
exports.DecisionsController = DecisionsController = __decorate([
    (0, swagger_1.ApiTags)('decisions'),
    (0, common_1.Controller)({ path: 'events/:slug', version: '1' }),
    __metadata("design:paramtypes", [decisions_service_1.DecisionsService])
], DecisionsController);
//# sourceMappingURL=decisions.controller.js.map