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
exports.AssignmentsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const event_access_guard_1 = require("../events/event-access.guard");
const assignments_dto_1 = require("./assignments.dto");
const assignments_service_1 = require("./assignments.service");
let AssignmentsController = class AssignmentsController {
    assignments;
    constructor(assignments) {
        this.assignments = assignments;
    }
    auto(actor, access) {
        return this.assignments.runAutomatic(actor, access);
    }
    add(actor, access, body) {
        return this.assignments.add(actor, access, body);
    }
    async remove(actor, access, id) {
        await this.assignments.remove(actor, access, id);
    }
    tracks(actor, access, userId, body) {
        return this.assignments.setTracks(actor, access, userId, body);
    }
    conflicts(access) {
        return this.assignments.listConflicts(access);
    }
    declare(actor, access, body) {
        return this.assignments.declareConflict(actor, access, body);
    }
    async lift(actor, access, id) {
        await this.assignments.deleteConflict(actor, access, id);
    }
};
exports.AssignmentsController = AssignmentsController;
__decorate([
    (0, common_1.Post)('review-assignments/auto'),
    (0, common_1.HttpCode)(200),
    (0, event_access_guard_1.RequireEventRole)('Assign reviewers automatically: balanced loads, track limits and conflicts of interest respected, idempotent', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: assignments_dto_1.AssignmentRunDto }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", void 0)
], AssignmentsController.prototype, "auto", null);
__decorate([
    (0, common_1.Post)('review-assignments'),
    (0, event_access_guard_1.RequireEventRole)('Assign a reviewer to a submission by hand', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: assignments_dto_1.AssignmentDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, assignments_dto_1.CreateAssignmentDto]),
    __metadata("design:returntype", void 0)
], AssignmentsController.prototype, "add", null);
__decorate([
    (0, common_1.Delete)('review-assignments/:id'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Remove an assignment nobody has reviewed yet', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], AssignmentsController.prototype, "remove", null);
__decorate([
    (0, common_1.Put)('reviewers/:userId/tracks'),
    (0, event_access_guard_1.RequireEventRole)('Limit a reviewer to some tracks (an empty list lifts the limit)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: assignments_dto_1.ReviewerTracksDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('userId', (0, uuid_pipe_1.uuidParam)('userId'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, assignments_dto_1.ReviewerTracksInputDto]),
    __metadata("design:returntype", void 0)
], AssignmentsController.prototype, "tracks", null);
__decorate([
    (0, common_1.Get)('review-conflicts'),
    (0, event_access_guard_1.RequireEventRole)('Declared conflicts of interest (computed ones, such as same company, are not listed)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: [assignments_dto_1.ConflictDto] }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], AssignmentsController.prototype, "conflicts", null);
__decorate([
    (0, common_1.Post)('review-conflicts'),
    (0, event_access_guard_1.RequireEventRole)('Declare a conflict of interest for a reviewer (their assignment and review of it are removed)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: assignments_dto_1.ConflictDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, assignments_dto_1.DeclareConflictDto]),
    __metadata("design:returntype", void 0)
], AssignmentsController.prototype, "declare", null);
__decorate([
    (0, common_1.Delete)('review-conflicts/:id'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Lift a declared conflict of interest', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], AssignmentsController.prototype, "lift", null);
exports.AssignmentsController = AssignmentsController = __decorate([
    (0, swagger_1.ApiTags)('reviews'),
    (0, common_1.Controller)({ path: 'events/:slug', version: '1' }),
    __metadata("design:paramtypes", [assignments_service_1.AssignmentsService])
], AssignmentsController);
//# sourceMappingURL=assignments.controller.js.map