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
exports.CommitteeController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const cfp_access_guard_1 = require("../cfp/cfp-access.guard");
const event_access_guard_1 = require("../events/event-access.guard");
const committee_dto_1 = require("./committee.dto");
const committee_service_1 = require("./committee.service");
function ForCommittee(summary, description) {
    return (0, common_1.applyDecorators)((0, event_access_guard_1.RequireEventRole)(summary, client_1.EventRole.SCHOLARSHIP_COMMITTEE), (0, swagger_1.ApiOperation)({ summary, description: `Requires the SCHOLARSHIP_COMMITTEE role in the event (or administrator). ${description}` }));
}
/** What the scholarship committee calls: the assignment, its own reviews, everyone's reviews, the ranking. */
let CommitteeController = class CommitteeController {
    committee;
    constructor(committee) {
        this.committee = committee;
    }
    assign(actor, access, id) {
        return this.committee.assign(actor, access, id);
    }
    assigned(actor, access, query) {
        return this.committee.assigned(actor, access, query);
    }
    review(actor, access, id, body) {
        return this.committee.putReview(actor, access, id, body);
    }
    reviews(actor, access, id) {
        return this.committee.reviewsOf(actor, access, id);
    }
    ranking(access, id, query) {
        return this.committee.ranking(access, id, query);
    }
};
exports.CommitteeController = CommitteeController;
__decorate([
    (0, common_1.Post)('programmes/:id/assignments'),
    (0, common_1.HttpCode)(200),
    (0, event_access_guard_1.RequireEventRole)('Assign the programme’s applications to committee members (balanced; a member never gets their own)', client_1.EventRole.SCHOLARSHIP_COMMITTEE),
    (0, swagger_1.ApiOkResponse)({ type: committee_dto_1.AssignmentRunDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], CommitteeController.prototype, "assign", null);
__decorate([
    (0, common_1.Get)('reviews/assigned'),
    (0, event_access_guard_1.RequireEventRole)('Your assigned applications still under review, with your reviews', client_1.EventRole.SCHOLARSHIP_COMMITTEE),
    (0, swagger_1.ApiOkResponse)({ type: committee_dto_1.AssignedListDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, committee_dto_1.AssignedQueryDto]),
    __metadata("design:returntype", void 0)
], CommitteeController.prototype, "assigned", null);
__decorate([
    (0, common_1.Put)('applications/:id/reviews/mine'),
    (0, event_access_guard_1.RequireEventRole)('Review an application assigned to you (one review per member; sending again replaces it)', client_1.EventRole.SCHOLARSHIP_COMMITTEE),
    (0, swagger_1.ApiOkResponse)({ type: committee_dto_1.ApplicationReviewDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, committee_dto_1.ReviewInputDto]),
    __metadata("design:returntype", void 0)
], CommitteeController.prototype, "review", null);
__decorate([
    (0, common_1.Get)('applications/:id/reviews'),
    (0, cfp_access_guard_1.ForEventVisitors)('Every committee member’s review of one application', 'The scholarship committee only; for anyone else the application does not exist (404).'),
    (0, swagger_1.ApiOkResponse)({ type: [committee_dto_1.ApplicationReviewDto] }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], CommitteeController.prototype, "reviews", null);
__decorate([
    (0, common_1.Get)('programmes/:id/rankings'),
    ForCommittee('The programme’s applications ranked by calibrated score', committee_dto_1.CALIBRATION_DOC),
    (0, swagger_1.ApiOkResponse)({ type: committee_dto_1.RankingPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, committee_dto_1.RankingQueryDto]),
    __metadata("design:returntype", void 0)
], CommitteeController.prototype, "ranking", null);
exports.CommitteeController = CommitteeController = __decorate([
    (0, swagger_1.ApiTags)('scholarships'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, common_1.Controller)({ path: 'events/:slug/scholarships', version: '1' }),
    __metadata("design:paramtypes", [committee_service_1.CommitteeService])
], CommitteeController);
//# sourceMappingURL=committee.controller.js.map