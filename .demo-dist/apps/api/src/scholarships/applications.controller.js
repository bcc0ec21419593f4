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
exports.ApplicationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const cfp_access_guard_1 = require("../cfp/cfp-access.guard");
const event_access_guard_1 = require("../events/event-access.guard");
const applications_dto_1 = require("./applications.dto");
const applications_service_1 = require("./applications.service");
const PRIVATE_DOC = 'Its content and self-described answers are readable by the applicant and the scholarship committee only; for ' +
    'anyone else (organisers without the committee role included) the application does not exist (404).';
let ApplicationsController = class ApplicationsController {
    applications;
    constructor(applications) {
        this.applications = applications;
    }
    apply(actor, access, body) {
        return this.applications.apply(actor, access, body);
    }
    mine(actor, access) {
        return this.applications.mine(actor, access);
    }
    list(access, query) {
        return this.applications.list(access, query);
    }
    get(actor, access, id) {
        return this.applications.get(actor, access, id);
    }
    update(actor, access, id, body) {
        return this.applications.update(actor, access, id, body);
    }
    withdraw(actor, access, id) {
        return this.applications.withdraw(actor, access, id);
    }
};
exports.ApplicationsController = ApplicationsController;
__decorate([
    (0, common_1.Post)('applications'),
    (0, cfp_access_guard_1.ForEventVisitors)('Apply to a scholarship programme', `Any signed-in user, once per programme, while its window is open; consent must be true. ${PRIVATE_DOC}`),
    (0, swagger_1.ApiCreatedResponse)({ type: applications_dto_1.ApplicationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, applications_dto_1.CreateApplicationDto]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "apply", null);
__decorate([
    (0, common_1.Get)('applications/mine'),
    (0, cfp_access_guard_1.ForEventVisitors)('Your applications in this edition, with their awards', 'Any signed-in user, for their own applications.'),
    (0, swagger_1.ApiOkResponse)({ type: [applications_dto_1.ApplicationDto] }),
    (0, problem_dto_1.ApiProblems)(401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "mine", null);
__decorate([
    (0, common_1.Get)('applications'),
    (0, event_access_guard_1.RequireEventRole)('Applications, oldest first: who applied, for how much, review progress (no content)', client_1.EventRole.SCHOLARSHIP_COMMITTEE),
    (0, swagger_1.ApiOkResponse)({ type: applications_dto_1.ApplicationPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, applications_dto_1.ListApplicationsQueryDto]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('applications/:id'),
    (0, cfp_access_guard_1.ForEventVisitors)('One application', `The applicant, or a member of the scholarship committee (whose read is audited). ${PRIVATE_DOC}`),
    (0, swagger_1.ApiOkResponse)({ type: applications_dto_1.ApplicationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)('applications/:id'),
    (0, cfp_access_guard_1.ForEventVisitors)('Change your application', `The applicant, while the programme’s window is open. ${PRIVATE_DOC}`),
    (0, swagger_1.ApiOkResponse)({ type: applications_dto_1.ApplicationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, applications_dto_1.UpdateApplicationDto]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "update", null);
__decorate([
    (0, common_1.Post)('applications/:id/withdraw'),
    (0, common_1.HttpCode)(200),
    (0, cfp_access_guard_1.ForEventVisitors)('Withdraw your application', 'The applicant. Final; an application with an award that counts is settled by declining the award.'),
    (0, swagger_1.ApiOkResponse)({ type: applications_dto_1.ApplicationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], ApplicationsController.prototype, "withdraw", null);
exports.ApplicationsController = ApplicationsController = __decorate([
    (0, swagger_1.ApiTags)('scholarships'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)({ path: 'events/:slug/scholarships', version: '1' }),
    __metadata("design:paramtypes", [applications_service_1.ApplicationsService])
], ApplicationsController);
//# sourceMappingURL=applications.controller.js.map