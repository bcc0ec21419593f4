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
exports.RankingPageDto = exports.RankedApplicationDto = exports.ApplicationReviewDto = exports.AssignedListDto = exports.AssignedApplicationDto = exports.OwnReviewDto = exports.AssignmentRunDto = exports.RankingQueryDto = exports.AssignedQueryDto = exports.ReviewInputDto = exports.CALIBRATION_DOC = exports.SCORE_MAX = exports.SCORE_MIN = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const pagination_dto_1 = require("../http/pagination.dto");
exports.SCORE_MIN = 1;
exports.SCORE_MAX = 5;
exports.CALIBRATION_DOC = 'Ranked by calibrated score: each member’s scores in the programme become z-scores (z = (s − μ) / σ over that ' +
    'member’s scores; σ = 0 gives 0), and an application’s calibrated score is their confidence-weighted mean, so a ' +
    'harsh and a lenient member count alike (the formulas of the talk review, reviews/calibration.ts). Ties go to the ' +
    'higher raw mean, then to the earlier application; applications without reviews rank last.';
class ReviewInputDto {
    score;
    confidence;
    comment;
}
exports.ReviewInputDto = ReviewInputDto;
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: exports.SCORE_MIN, maximum: exports.SCORE_MAX, description: 'Overall merit, from 1 (weak) to 5 (outstanding)' }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(exports.SCORE_MIN),
    (0, class_validator_1.Max)(exports.SCORE_MAX),
    __metadata("design:type", Number)
], ReviewInputDto.prototype, "score", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: 1, maximum: 3, description: 'How sure you are: 1 (low) to 3 (high); weighs the calibrated score' }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(3),
    __metadata("design:type", Number)
], ReviewInputDto.prototype, "confidence", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, description: 'For the committee only' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, v) => v !== null),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(5000),
    __metadata("design:type", Object)
], ReviewInputDto.prototype, "comment", void 0);
class AssignedQueryDto {
    programmeId;
}
exports.AssignedQueryDto = AssignedQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'uuid' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], AssignedQueryDto.prototype, "programmeId", void 0);
class RankingQueryDto extends pagination_dto_1.PageQueryDto {
}
exports.RankingQueryDto = RankingQueryDto;
class AssignmentRunDto {
    applications;
    members;
    reviewsPerApplication;
    added;
    understaffed;
    loads;
}
exports.AssignmentRunDto = AssignmentRunDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "applications", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "members", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "reviewsPerApplication", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Assignments made by this run' }),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "added", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Applications left with fewer members than wanted (too few eligible)' }),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "understaffed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { min: 4, max: 5 } }),
    __metadata("design:type", Object)
], AssignmentRunDto.prototype, "loads", void 0);
class OwnReviewDto {
    score;
    confidence;
    comment;
    createdAt;
    updatedAt;
}
exports.OwnReviewDto = OwnReviewDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], OwnReviewDto.prototype, "score", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], OwnReviewDto.prototype, "confidence", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], OwnReviewDto.prototype, "comment", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], OwnReviewDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], OwnReviewDto.prototype, "updatedAt", void 0);
class AssignedApplicationDto {
    id;
    programmeId;
    programmeKey;
    applicant;
    statement;
    contributions;
    requestedTravelMinor;
    currency;
    travelOrigin;
    selfDescribed;
    updatedAt;
    review;
}
exports.AssignedApplicationDto = AssignedApplicationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], AssignedApplicationDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], AssignedApplicationDto.prototype, "programmeId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AssignedApplicationDto.prototype, "programmeKey", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { id: '…', name: 'Ada' } }),
    __metadata("design:type", Object)
], AssignedApplicationDto.prototype, "applicant", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AssignedApplicationDto.prototype, "statement", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], AssignedApplicationDto.prototype, "contributions", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], AssignedApplicationDto.prototype, "requestedTravelMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AssignedApplicationDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AssignedApplicationDto.prototype, "travelOrigin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { gender: null, firstTimeAttendee: true, underrepresented: true, backgroundNote: null } }),
    __metadata("design:type", Object)
], AssignedApplicationDto.prototype, "selfDescribed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], AssignedApplicationDto.prototype, "updatedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: OwnReviewDto, nullable: true }),
    __metadata("design:type", Object)
], AssignedApplicationDto.prototype, "review", void 0);
class AssignedListDto {
    items;
    progress;
}
exports.AssignedListDto = AssignedListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AssignedApplicationDto] }),
    __metadata("design:type", Array)
], AssignedListDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { assigned: 12, reviewed: 7 } }),
    __metadata("design:type", Object)
], AssignedListDto.prototype, "progress", void 0);
class ApplicationReviewDto {
    reviewer;
    review;
}
exports.ApplicationReviewDto = ApplicationReviewDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: { id: '…', name: 'Grace' } }),
    __metadata("design:type", Object)
], ApplicationReviewDto.prototype, "reviewer", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: OwnReviewDto, nullable: true, description: 'null while the member has not reviewed it' }),
    __metadata("design:type", Object)
], ApplicationReviewDto.prototype, "review", void 0);
class RankedApplicationDto {
    rank;
    applicationId;
    applicant;
    travelOrigin;
    requestedTravelMinor;
    currency;
    reviews;
    assigned;
    wanted;
    mean;
    median;
    calibrated;
    award;
}
exports.RankedApplicationDto = RankedApplicationDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedApplicationDto.prototype, "rank", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], RankedApplicationDto.prototype, "applicationId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { id: '…', name: 'Ada' } }),
    __metadata("design:type", Object)
], RankedApplicationDto.prototype, "applicant", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RankedApplicationDto.prototype, "travelOrigin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedApplicationDto.prototype, "requestedTravelMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RankedApplicationDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedApplicationDto.prototype, "reviews", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedApplicationDto.prototype, "assigned", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], RankedApplicationDto.prototype, "wanted", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    __metadata("design:type", Object)
], RankedApplicationDto.prototype, "mean", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    __metadata("design:type", Object)
], RankedApplicationDto.prototype, "median", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number, description: 'Confidence-weighted mean z-score' }),
    __metadata("design:type", Object)
], RankedApplicationDto.prototype, "calibrated", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, description: 'The award that counts (offered or accepted), if any' }),
    __metadata("design:type", Object)
], RankedApplicationDto.prototype, "award", void 0);
class RankingPageDto {
    items;
    nextCursor;
    remainingMinor;
}
exports.RankingPageDto = RankingPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RankedApplicationDto] }),
    __metadata("design:type", Array)
], RankingPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], RankingPageDto.prototype, "nextCursor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Budget left to award, in minor units' }),
    __metadata("design:type", Number)
], RankingPageDto.prototype, "remainingMinor", void 0);
//# sourceMappingURL=committee.dto.js.map