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
exports.ReviewsController = exports.ReviewingController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const event_access_guard_1 = require("../events/event-access.guard");
const reviews_dto_1 = require("./reviews.dto");
const reviews_service_1 = require("./reviews.service");
const REVIEWER_DOC = 'Requires the REVIEWER role in the event, for the caller’s own assignments. While the event anonymises reviews ' +
    '(the default), no response names, describes or identifies a speaker. A submission that is not assigned to the ' +
    'caller, or that conflicts with them, answers 404 REVIEW_SUBMISSION_NOT_FOUND like one that does not exist.';
function ForReviewers(summary) {
    return (0, common_1.applyDecorators)((0, event_access_guard_1.RequireEventRole)(summary, client_1.EventRole.REVIEWER), (0, swagger_1.ApiOperation)({ summary, description: REVIEWER_DOC }));
}
/** What reviewers call: their assignments, one submission, their review, recusing themselves. */
let ReviewingController = class ReviewingController {
    reviews;
    constructor(reviews) {
        this.reviews = reviews;
    }
    list(actor, access, query) {
        return this.reviews.listAssigned(actor, access, query);
    }
    get(actor, access, id) {
        return this.reviews.getAssigned(actor, access, id);
    }
    create(actor, access, id, body) {
        return this.reviews.create(actor, access, id, body);
    }
    update(actor, access, id, body) {
        return this.reviews.update(actor, access, id, body);
    }
    async conflict(actor, access, id, body) {
        await this.reviews.declareConflict(actor, access, id, body);
    }
};
exports.ReviewingController = ReviewingController;
__decorate([
    (0, common_1.Get)('assignments'),
    ForReviewers('Your assigned submissions with your scores, page by page, and your progress'),
    (0, swagger_1.ApiOkResponse)({ type: reviews_dto_1.AssignedPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, reviews_dto_1.AssignedQueryDto]),
    __metadata("design:returntype", void 0)
], ReviewingController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('submissions/:id'),
    ForReviewers('One of your assigned submissions, with your review'),
    (0, swagger_1.ApiOkResponse)({ type: reviews_dto_1.AssignedSubmissionDetailDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], ReviewingController.prototype, "get", null);
__decorate([
    (0, common_1.Post)('submissions/:id/review'),
    ForReviewers('Review an assigned submission (once; edit it with PUT)'),
    (0, swagger_1.ApiCreatedResponse)({ type: reviews_dto_1.AssignedSubmissionDetailDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, reviews_dto_1.ReviewInputDto]),
    __metadata("design:returntype", void 0)
], ReviewingController.prototype, "create", null);
__decorate([
    (0, common_1.Put)('submissions/:id/review'),
    ForReviewers('Replace your review, while the review window is open'),
    (0, swagger_1.ApiOkResponse)({ type: reviews_dto_1.AssignedSubmissionDetailDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, reviews_dto_1.ReviewInputDto]),
    __metadata("design:returntype", void 0)
], ReviewingController.prototype, "update", null);
__decorate([
    (0, common_1.Post)('submissions/:id/conflict'),
    (0, common_1.HttpCode)(204),
    ForReviewers('Declare a conflict of interest: the submission, and your review of it, leave your list'),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, reviews_dto_1.DeclareOwnConflictDto]),
    __metadata("design:returntype", Promise)
], ReviewingController.prototype, "conflict", null);
exports.ReviewingController = ReviewingController = __decorate([
    (0, swagger_1.ApiTags)('reviewing'),
    (0, common_1.Controller)({ path: 'events/:slug/review', version: '1' }),
    __metadata("design:paramtypes", [reviews_service_1.ReviewsService])
], ReviewingController);
/** What organisers read: the ranking, progress, and the reviews of one submission. */
let ReviewsController = class ReviewsController {
    reviews;
    constructor(reviews) {
        this.reviews = reviews;
    }
    ranking(access, query) {
        return this.reviews.ranking(access, query);
    }
    progress(access) {
        return this.reviews.progress(access);
    }
    submissionReviews(access, id) {
        return this.reviews.submissionReviews(access, id);
    }
};
exports.ReviewsController = ReviewsController;
__decorate([
    (0, common_1.Get)('review-ranking')
    // Above RequireEventRole so that this fuller description is the one applied last.
    ,
    (0, swagger_1.ApiOperation)({
        summary: 'Submissions ranked by calibrated score, overall, per track and per format, with decisions',
        description: `Requires one of these roles in the event: ORGANISER (or administrator). Filter by track or format; pages follow the overall rank. ${reviews_dto_1.CALIBRATION_DOC}`,
    }),
    (0, event_access_guard_1.RequireEventRole)('Submissions ranked by calibrated score, overall, per track and per format, with decisions', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: reviews_dto_1.RankingPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, reviews_dto_1.RankingQueryDto]),
    __metadata("design:returntype", void 0)
], ReviewsController.prototype, "ranking", null);
__decorate([
    (0, common_1.Get)('review-progress'),
    (0, event_access_guard_1.RequireEventRole)('Reviews done against reviews wanted, overall, per track and per reviewer', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: reviews_dto_1.ProgressDto }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], ReviewsController.prototype, "progress", null);
__decorate([
    (0, common_1.Get)('submissions/:id/reviews'),
    (0, event_access_guard_1.RequireEventRole)('A submission’s assignments and reviews, with reviewer names and committee comments', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: [reviews_dto_1.SubmissionReviewDto] }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], ReviewsController.prototype, "submissionReviews", null);
exports.ReviewsController = ReviewsController = __decorate([
    (0, swagger_1.ApiTags)('reviews'),
    (0, common_1.Controller)({ path: 'events/:slug', version: '1' }),
    __metadata("design:paramtypes", [reviews_service_1.ReviewsService])
], ReviewsController);
//# sourceMappingURL=reviews.controller.js.map