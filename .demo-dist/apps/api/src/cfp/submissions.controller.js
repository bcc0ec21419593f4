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
exports.SubmissionsController = void 0;
const node_stream_1 = require("node:stream");
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const event_access_guard_1 = require("../events/event-access.guard");
const cfp_access_guard_1 = require("./cfp-access.guard");
const submissions_dto_1 = require("./submissions.dto");
const submissions_service_1 = require("./submissions.service");
const SPEAKERS = 'Speakers of the submission (the owner and co-speakers who accepted)';
const OWNER = 'Only the owner of the submission';
let SubmissionsController = class SubmissionsController {
    submissions;
    constructor(submissions) {
        this.submissions = submissions;
    }
    create(actor, access, body) {
        return this.submissions.create(actor, access, body);
    }
    list(access, query) {
        return this.submissions.list(access, query);
    }
    counts(access, query) {
        return this.submissions.counts(access, query);
    }
    async export(access, query) {
        const rows = await this.submissions.exportCsv(access, query);
        return new common_1.StreamableFile(node_stream_1.Readable.from(rows), {
            type: 'text/csv; charset=utf-8',
            disposition: `attachment; filename="${access.event.slug}-submissions.csv"`,
        });
    }
    mine(actor, access) {
        return this.submissions.listMine(actor, access);
    }
    get(actor, access, id) {
        return this.submissions.get(actor, access, id);
    }
    update(actor, access, id, body) {
        return this.submissions.update(actor, access, id, body);
    }
    submit(actor, access, id) {
        return this.submissions.submit(actor, access, id);
    }
    withdraw(actor, access, id) {
        return this.submissions.withdraw(actor, access, id);
    }
    invite(actor, access, id, body) {
        return this.submissions.invite(actor, access, id, body.email);
    }
    async revoke(actor, access, id, invitationId) {
        await this.submissions.revokeInvitation(actor, access, id, invitationId);
    }
    accept(actor, access, invitationId) {
        return this.submissions.acceptInvitation(actor, access, invitationId);
    }
    async decline(actor, access, invitationId) {
        await this.submissions.declineInvitation(actor, access, invitationId);
    }
    createInvitedSession(actor, access, body) {
        return this.submissions.createInvitedSession(actor, access, body);
    }
};
exports.SubmissionsController = SubmissionsController;
__decorate([
    (0, common_1.Post)('submissions'),
    (0, cfp_access_guard_1.ForEventVisitors)('Start a proposal (a draft; only its speakers see it until it is submitted)', 'Any signed-in user while the CFP is open; the caller becomes its owner.'),
    (0, swagger_1.ApiCreatedResponse)({ type: submissions_dto_1.SubmissionDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, submissions_dto_1.CreateSubmissionDto]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)('submissions'),
    (0, event_access_guard_1.RequireEventRole)('List submissions: filters, text search, cursor pagination (drafts are never listed)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: submissions_dto_1.SubmissionPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, submissions_dto_1.ListSubmissionsQueryDto]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('submissions/counts'),
    (0, event_access_guard_1.RequireEventRole)('Submissions per state, track and format, for the same filters as the list', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: submissions_dto_1.SubmissionCountsDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, submissions_dto_1.SubmissionFilterQueryDto]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "counts", null);
__decorate([
    (0, common_1.Get)('submissions/export.csv'),
    (0, event_access_guard_1.RequireEventRole)('The filtered submissions as CSV (UTF-8, one row per submission)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiProduces)('text/csv'),
    (0, swagger_1.ApiOkResponse)({ description: 'text/csv', schema: { type: 'string' } }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, submissions_dto_1.SubmissionFilterQueryDto]),
    __metadata("design:returntype", Promise)
], SubmissionsController.prototype, "export", null);
__decorate([
    (0, common_1.Get)('submissions/mine'),
    (0, cfp_access_guard_1.ForEventVisitors)('Your submissions in this event, drafts included', 'Any signed-in user, for themselves.'),
    (0, swagger_1.ApiOkResponse)({ type: [submissions_dto_1.MySubmissionDto] }),
    (0, problem_dto_1.ApiProblems)(401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "mine", null);
__decorate([
    (0, common_1.Get)('submissions/:id'),
    (0, cfp_access_guard_1.ForEventVisitors)('One submission', `${SPEAKERS}; organisers of the event (not drafts; they also see e-mails and speaker answers). Anyone else gets 404.`),
    (0, swagger_1.ApiOkResponse)({ type: submissions_dto_1.SubmissionDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)('submissions/:id'),
    (0, cfp_access_guard_1.ForEventVisitors)('Edit a submission', `${SPEAKERS}, while the CFP is open and no decision is made.`),
    (0, swagger_1.ApiOkResponse)({ type: submissions_dto_1.SubmissionDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, submissions_dto_1.UpdateSubmissionDto]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "update", null);
__decorate([
    (0, common_1.Post)('submissions/:id/submit'),
    (0, common_1.HttpCode)(200),
    (0, cfp_access_guard_1.ForEventVisitors)('Submit a draft', `${OWNER}, while the CFP is open, with a speaker profile, every required field and answer, and within the per-speaker limit for every speaker.`),
    (0, swagger_1.ApiOkResponse)({ type: submissions_dto_1.SubmissionDto }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404, 409, 422),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "submit", null);
__decorate([
    (0, common_1.Post)('submissions/:id/withdraw'),
    (0, common_1.HttpCode)(200),
    (0, cfp_access_guard_1.ForEventVisitors)('Withdraw a submitted proposal', `${OWNER}, until a decision is made.`),
    (0, swagger_1.ApiOkResponse)({ type: submissions_dto_1.SubmissionDto }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "withdraw", null);
__decorate([
    (0, common_1.Post)('submissions/:id/cospeakers'),
    (0, common_1.HttpCode)(200),
    (0, cfp_access_guard_1.ForEventVisitors)('Invite a co-speaker by e-mail (the invitee accepts or declines)', `${OWNER}, while the CFP is open; the format's speaker cap counts pending invitations.`),
    (0, swagger_1.ApiOkResponse)({ type: submissions_dto_1.SubmissionDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, submissions_dto_1.InviteCospeakerDto]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "invite", null);
__decorate([
    (0, common_1.Delete)('submissions/:id/cospeakers/:invitationId'),
    (0, common_1.HttpCode)(204),
    (0, cfp_access_guard_1.ForEventVisitors)('Revoke a pending co-speaker invitation', OWNER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Param)('invitationId', (0, uuid_pipe_1.uuidParam)('invitationId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, String]),
    __metadata("design:returntype", Promise)
], SubmissionsController.prototype, "revoke", null);
__decorate([
    (0, common_1.Post)('cospeaker-invitations/:invitationId/accept'),
    (0, common_1.HttpCode)(200),
    (0, cfp_access_guard_1.ForEventVisitors)('Accept a co-speaker invitation', 'Only the invitee (signed in with the invited e-mail), with a speaker profile; returns the submission.'),
    (0, swagger_1.ApiOkResponse)({ type: submissions_dto_1.SubmissionDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409, 422),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('invitationId', (0, uuid_pipe_1.uuidParam)('invitationId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "accept", null);
__decorate([
    (0, common_1.Post)('cospeaker-invitations/:invitationId/decline'),
    (0, common_1.HttpCode)(204),
    (0, cfp_access_guard_1.ForEventVisitors)('Decline a co-speaker invitation', 'Only the invitee (signed in with the invited e-mail).'),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('invitationId', (0, uuid_pipe_1.uuidParam)('invitationId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], SubmissionsController.prototype, "decline", null);
__decorate([
    (0, common_1.Post)('invited-sessions'),
    (0, event_access_guard_1.RequireEventRole)('Add a session directly (invited keynote, maintainer slot): accepted from the start, never counted as a CFP submission', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: submissions_dto_1.SubmissionDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, submissions_dto_1.CreateInvitedSessionDto]),
    __metadata("design:returntype", void 0)
], SubmissionsController.prototype, "createInvitedSession", null);
exports.SubmissionsController = SubmissionsController = __decorate([
    (0, swagger_1.ApiTags)('submissions'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)({ path: 'events/:slug', version: '1' }),
    __metadata("design:paramtypes", [submissions_service_1.SubmissionsService])
], SubmissionsController);
//# sourceMappingURL=submissions.controller.js.map