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
exports.ConflictDto = exports.DeclareConflictDto = exports.AssignmentRunDto = exports.LoadRangeDto = exports.AssignmentDto = exports.CreateAssignmentDto = exports.ReviewerTracksDto = exports.ReviewerTracksInputDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
class ReviewerTracksInputDto {
    tracks;
}
exports.ReviewerTracksInputDto = ReviewerTracksInputDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], example: ['security', 'runtime'], description: 'Track slugs; an empty list lifts the limit' }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(100),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.Matches)(SLUG, { each: true }),
    __metadata("design:type", Array)
], ReviewerTracksInputDto.prototype, "tracks", void 0);
class ReviewerTracksDto {
    userId;
    tracks;
}
exports.ReviewerTracksDto = ReviewerTracksDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ReviewerTracksDto.prototype, "userId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], description: 'Track slugs the reviewer is limited to; empty means every track' }),
    __metadata("design:type", Array)
], ReviewerTracksDto.prototype, "tracks", void 0);
class CreateAssignmentDto {
    reviewerId;
    submissionId;
}
exports.CreateAssignmentDto = CreateAssignmentDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreateAssignmentDto.prototype, "reviewerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreateAssignmentDto.prototype, "submissionId", void 0);
class AssignmentDto {
    id;
    submissionId;
    reviewerId;
    automatic;
    reviewed;
    createdAt;
}
exports.AssignmentDto = AssignmentDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], AssignmentDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], AssignmentDto.prototype, "submissionId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], AssignmentDto.prototype, "reviewerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Made by the automatic run rather than by hand' }),
    __metadata("design:type", Boolean)
], AssignmentDto.prototype, "automatic", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], AssignmentDto.prototype, "reviewed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], AssignmentDto.prototype, "createdAt", void 0);
class LoadRangeDto {
    min;
    max;
}
exports.LoadRangeDto = LoadRangeDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], LoadRangeDto.prototype, "min", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], LoadRangeDto.prototype, "max", void 0);
class AssignmentRunDto {
    submissions;
    reviewers;
    reviewsPerSubmission;
    added;
    removed;
    understaffed;
    loads;
}
exports.AssignmentRunDto = AssignmentRunDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Submitted, undecided CFP submissions considered' }),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "submissions", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "reviewers", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "reviewsPerSubmission", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Assignments added by this run' }),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "added", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Unreviewed assignments removed: conflict, track limit or role no longer allow them' }),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "removed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Submissions left with fewer reviewers than wanted: not enough eligible reviewers' }),
    __metadata("design:type", Number)
], AssignmentRunDto.prototype, "understaffed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: LoadRangeDto, description: 'Fewest and most assignments per reviewer, over the submissions considered' }),
    __metadata("design:type", LoadRangeDto)
], AssignmentRunDto.prototype, "loads", void 0);
class DeclareConflictDto {
    reviewerId;
    submissionId;
    reason;
}
exports.DeclareConflictDto = DeclareConflictDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], DeclareConflictDto.prototype, "reviewerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], DeclareConflictDto.prototype, "submissionId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Former colleague of the speaker' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], DeclareConflictDto.prototype, "reason", void 0);
class ConflictDto {
    id;
    reviewerId;
    reviewerName;
    submissionId;
    submissionCode;
    submissionTitle;
    reason;
    createdAt;
}
exports.ConflictDto = ConflictDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ConflictDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ConflictDto.prototype, "reviewerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ConflictDto.prototype, "reviewerName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ConflictDto.prototype, "submissionId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ConflictDto.prototype, "submissionCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ConflictDto.prototype, "submissionTitle", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], ConflictDto.prototype, "reason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ConflictDto.prototype, "createdAt", void 0);
//# sourceMappingURL=assignments.dto.js.map