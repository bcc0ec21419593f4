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
Object.defineProperty(exports, "__esModule", { value: true });
exports.SubmissionReviewDto = exports.ReviewerRefDto = exports.ProgressDto = exports.ReviewerProgressDto = exports.TrackProgressDto = exports.RankingPageDto = exports.RankedSubmissionDto = exports.RankingQueryDto = exports.AssignedSubmissionDetailDto = exports.AnswerDto = exports.AssignedPageDto = exports.ReviewProgressDto = exports.AssignedSubmissionDto = exports.OwnReviewDto = exports.VisibleSpeakerDto = exports.FormatRefDto = exports.RefDto = exports.DeclareOwnConflictDto = exports.ReviewInputDto = exports.AssignedQueryDto = exports.CALIBRATION_DOC = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const pagination_dto_1 = require("../http/pagination.dto");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
exports.CALIBRATION_DOC = 'calibrated: each reviewer’s review scores are normalised over all their reviews in the event, ' +
    'z = (s − μ_r) / σ_r (μ_r mean, σ_r population standard deviation of reviewer r’s scores; σ_r = 0 gives z = 0), ' +
    'and a submission’s calibrated score is the confidence-weighted mean of the z of its reviews, Σ c·z / Σ c. ' +
    'A review’s score s is the weighted mean of its criterion scores (the criteria’s weights). mean and median are ' +
    'of the raw review scores. Ranks order by calibrated, then mean (both descending, unscored last), then code.';
class AssignedQueryDto extends pagination_dto_1.PageQueryDto {
    status;
}
exports.AssignedQueryDto = AssignedQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['PENDING', 'REVIEWED'], description: 'Only the ones you have not reviewed yet, or only those you have' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['PENDING', 'REVIEWED']),
    __metadata("design:type", String)
], AssignedQueryDto.prototype, "status", void 0);
class ReviewInputDto {
    scores;
    confidence;
    committeeComment;
    speakerComment;
}
exports.ReviewInputDto = ReviewInputDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        type: 'object',
        additionalProperties: { type: 'integer' },
        example: { relevance: 4, clarity: 3, originality: 5, expertise: 4 },
        description: 'A whole-number score on the event’s scale for every criterion key, and no other key',
    }),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], ReviewInputDto.prototype, "scores", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: 1, maximum: 3, description: '1 low, 2 medium, 3 high; weighs the review in the calibrated score' }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(3),
    __metadata("design:type", Number)
], ReviewInputDto.prototype, "confidence", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 10_000, description: 'For the organisers and the committee; never shown to speakers' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(10_000),
    __metadata("design:type", String)
], ReviewInputDto.prototype, "committeeComment", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 5_000, description: 'Shown to the speakers, without your name, once the decision is released' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(5_000),
    __metadata("design:type", String)
], ReviewInputDto.prototype, "speakerComment", void 0);
class DeclareOwnConflictDto {
    reason;
}
exports.DeclareOwnConflictDto = DeclareOwnConflictDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 500, example: 'I know who wrote this' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], DeclareOwnConflictDto.prototype, "reason", void 0);
class RefDto {
    slug;
    name;
}
exports.RefDto = RefDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RefDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RefDto.prototype, "name", void 0);
class FormatRefDto extends RefDto {
    durationMinutes;
}
exports.FormatRefDto = FormatRefDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], FormatRefDto.prototype, "durationMinutes", void 0);
class VisibleSpeakerDto {
    name;
    company;
    jobTitle;
}
exports.VisibleSpeakerDto = VisibleSpeakerDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], VisibleSpeakerDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], VisibleSpeakerDto.prototype, "company", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], VisibleSpeakerDto.prototype, "jobTitle", void 0);
class OwnReviewDto {
    scores;
    score;
    confidence;
    committeeComment;
    speakerComment;
    createdAt;
    updatedAt;
}
exports.OwnReviewDto = OwnReviewDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'object', additionalProperties: { type: 'integer' } }),
    __metadata("design:type", Object)
], OwnReviewDto.prototype, "scores", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Weighted mean of the criterion scores' }),
    __metadata("design:type", Number)
], OwnReviewDto.prototype, "score", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], OwnReviewDto.prototype, "confidence", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], OwnReviewDto.prototype, "committeeComment", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], OwnReviewDto.prototype, "speakerComment", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], OwnReviewDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], OwnReviewDto.prototype, "updatedAt", void 0);
class AssignedSubmissionDto {
    id;
    code;
    title;
    abstract;
    level;
    language;
    format;
    track;
    speakers;
    review;
}
exports.AssignedSubmissionDto = AssignedSubmissionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], AssignedSubmissionDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AssignedSubmissionDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AssignedSubmissionDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], AssignedSubmissionDto.prototype, "abstract", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], AssignedSubmissionDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], AssignedSubmissionDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: FormatRefDto }),
    __metadata("design:type", Object)
], AssignedSubmissionDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: RefDto }),
    __metadata("design:type", Object)
], AssignedSubmissionDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [VisibleSpeakerDto], description: 'Only in events that do not anonymise reviews' }),
    __metadata("design:type", Array)
], AssignedSubmissionDto.prototype, "speakers", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: OwnReviewDto, description: 'Your review; null until you write one' }),
    __metadata("design:type", Object)
], AssignedSubmissionDto.prototype, "review", void 0);
class ReviewProgressDto {
    assigned;
    reviewed;
}
exports.ReviewProgressDto = ReviewProgressDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReviewProgressDto.prototype, "assigned", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReviewProgressDto.prototype, "reviewed", void 0);
class AssignedPageDto {
    items;
    nextCursor;
    progress;
    anonymised;
}
exports.AssignedPageDto = AssignedPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AssignedSubmissionDto] }),
    __metadata("design:type", Array)
], AssignedPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], AssignedPageDto.prototype, "nextCursor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: ReviewProgressDto, description: 'Over all your assignments, whatever the filter' }),
    __metadata("design:type", ReviewProgressDto)
], AssignedPageDto.prototype, "progress", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], AssignedPageDto.prototype, "anonymised", void 0);
class AnswerDto {
    questionId;
    label;
    value;
}
exports.AnswerDto = AnswerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], AnswerDto.prototype, "questionId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AnswerDto.prototype, "label", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Text, number, boolean or list of choices' }),
    __metadata("design:type", Object)
], AnswerDto.prototype, "value", void 0);
class AssignedSubmissionDetailDto extends AssignedSubmissionDto {
    description;
    answers;
    editable;
}
exports.AssignedSubmissionDetailDto = AssignedSubmissionDetailDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], AssignedSubmissionDetailDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AnswerDto] }),
    __metadata("design:type", Array)
], AssignedSubmissionDetailDto.prototype, "answers", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'The review window is open: you may write or edit your review now' }),
    __metadata("design:type", Boolean)
], AssignedSubmissionDetailDto.prototype, "editable", void 0);
class RankingQueryDto extends pagination_dto_1.PageQueryDto {
    track;
    format;
}
exports.RankingQueryDto = RankingQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Track slug' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], RankingQueryDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Format slug' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], RankingQueryDto.prototype, "format", void 0);
class RankedSubmissionDto {
    id;
    code;
    title;
    state;
    track;
    format;
    reviews;
    assigned;
    wanted;
    mean;
    median;
    calibrated;
    rankOverall;
    rankInTrack;
    rankInFormat;
    decision;
    decisionReleasedAt;
}
exports.RankedSubmissionDto = RankedSubmissionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], RankedSubmissionDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RankedSubmissionDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RankedSubmissionDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SubmissionState, description: 'Changes with released decisions only' }),
    __metadata("design:type", String)
], RankedSubmissionDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: RefDto }),
    __metadata("design:type", Object)
], RankedSubmissionDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: RefDto }),
    __metadata("design:type", Object)
], RankedSubmissionDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedSubmissionDto.prototype, "reviews", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedSubmissionDto.prototype, "assigned", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedSubmissionDto.prototype, "wanted", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    __metadata("design:type", Object)
], RankedSubmissionDto.prototype, "mean", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    __metadata("design:type", Object)
], RankedSubmissionDto.prototype, "median", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number, description: exports.CALIBRATION_DOC }),
    __metadata("design:type", Object)
], RankedSubmissionDto.prototype, "calibrated", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedSubmissionDto.prototype, "rankOverall", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedSubmissionDto.prototype, "rankInTrack", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedSubmissionDto.prototype, "rankInFormat", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, enum: enums_1.ReviewDecision, description: 'The organisers’ decision, released or not' }),
    __metadata("design:type", Object)
], RankedSubmissionDto.prototype, "decision", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Date, format: 'date-time', description: 'null while the decision is not released' }),
    __metadata("design:type", Object)
], RankedSubmissionDto.prototype, "decisionReleasedAt", void 0);
class RankingPageDto {
    items;
    nextCursor;
}
exports.RankingPageDto = RankingPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RankedSubmissionDto] }),
    __metadata("design:type", Array)
], RankingPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], RankingPageDto.prototype, "nextCursor", void 0);
class TrackProgressDto {
    track;
    name;
    submissions;
    wanted;
    done;
    reviews;
    assigned;
}
exports.TrackProgressDto = TrackProgressDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, description: 'null for proposals without a track' }),
    __metadata("design:type", Object)
], TrackProgressDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], TrackProgressDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TrackProgressDto.prototype, "submissions", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'submissions × reviews wanted per submission' }),
    __metadata("design:type", Number)
], TrackProgressDto.prototype, "wanted", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Reviews written, counting at most the wanted number per submission' }),
    __metadata("design:type", Number)
], TrackProgressDto.prototype, "done", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TrackProgressDto.prototype, "reviews", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TrackProgressDto.prototype, "assigned", void 0);
class ReviewerProgressDto {
    userId;
    name;
    email;
    tracks;
    assigned;
    reviewed;
}
exports.ReviewerProgressDto = ReviewerProgressDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ReviewerProgressDto.prototype, "userId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ReviewerProgressDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ReviewerProgressDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], description: 'Tracks the reviewer is limited to; empty means every track' }),
    __metadata("design:type", Array)
], ReviewerProgressDto.prototype, "tracks", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReviewerProgressDto.prototype, "assigned", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReviewerProgressDto.prototype, "reviewed", void 0);
class ProgressDto {
    reviewsPerSubmission;
    overall;
    tracks;
    reviewers;
}
exports.ProgressDto = ProgressDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ProgressDto.prototype, "reviewsPerSubmission", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: TrackProgressDto }),
    __metadata("design:type", TrackProgressDto)
], ProgressDto.prototype, "overall", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [TrackProgressDto] }),
    __metadata("design:type", Array)
], ProgressDto.prototype, "tracks", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ReviewerProgressDto] }),
    __metadata("design:type", Array)
], ProgressDto.prototype, "reviewers", void 0);
class ReviewerRefDto {
    id;
    name;
    email;
}
exports.ReviewerRefDto = ReviewerRefDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ReviewerRefDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ReviewerRefDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ReviewerRefDto.prototype, "email", void 0);
class SubmissionReviewDto {
    assignmentId;
    reviewer;
    automatic;
    review;
}
exports.SubmissionReviewDto = SubmissionReviewDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid', description: 'The assignment' }),
    __metadata("design:type", String)
], SubmissionReviewDto.prototype, "assignmentId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: ReviewerRefDto }),
    __metadata("design:type", ReviewerRefDto)
], SubmissionReviewDto.prototype, "reviewer", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], SubmissionReviewDto.prototype, "automatic", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: OwnReviewDto, description: 'null while the reviewer has not reviewed it' }),
    __metadata("design:type", Object)
], SubmissionReviewDto.prototype, "review", void 0);
//# sourceMappingURL=reviews.dto.js.map