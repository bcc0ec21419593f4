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
exports.SubmissionOutcomeDto = exports.ReleaseResultDto = exports.ReleaseDto = exports.BulkDecisionResultDto = exports.BulkGroupDto = exports.BulkDecisionDto = exports.BULK_GROUPS = exports.DecisionDto = exports.DecideDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
class DecideDto {
    decision;
}
exports.DecideDto = DecideDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ReviewDecision }),
    (0, class_validator_1.IsEnum)(enums_1.ReviewDecision),
    __metadata("design:type", String)
], DecideDto.prototype, "decision", void 0);
class DecisionDto {
    submissionId;
    decision;
    decidedAt;
    releasedAt;
}
exports.DecisionDto = DecisionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], DecisionDto.prototype, "submissionId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ReviewDecision }),
    __metadata("design:type", String)
], DecisionDto.prototype, "decision", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], DecisionDto.prototype, "decidedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Date, format: 'date-time', description: 'null until released to the speakers' }),
    __metadata("design:type", Object)
], DecisionDto.prototype, "releasedAt", void 0);
exports.BULK_GROUPS = ['TRACK', 'FORMAT', 'EVENT'];
const QUOTAS_DOC = 'Slug of a track (groupBy TRACK) or format (groupBy FORMAT) → number of submissions; groups left out are not touched';
class BulkDecisionDto {
    groupBy;
    acceptPercent;
    acceptQuotas;
    waitlistPercent;
    waitlistQuotas;
    rejectRest;
}
exports.BulkDecisionDto = BulkDecisionDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: exports.BULK_GROUPS, default: 'TRACK', description: 'Rank and apply the quota within each track, each format, or the whole event' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(exports.BULK_GROUPS),
    __metadata("design:type", Object)
], BulkDecisionDto.prototype, "groupBy", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 0, maximum: 100, example: 20, description: 'Accept this share of each group, best first (rounded to the nearest whole talk)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsNumber)({ allowNaN: false, allowInfinity: false }),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(100),
    __metadata("design:type", Number)
], BulkDecisionDto.prototype, "acceptPercent", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, example: { security: 5, runtime: 3 }, description: QUOTAS_DOC }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], BulkDecisionDto.prototype, "acceptQuotas", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 0, maximum: 100, description: 'Waitlist this share of each group, the next best after the accepted ones' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsNumber)({ allowNaN: false, allowInfinity: false }),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(100),
    __metadata("design:type", Number)
], BulkDecisionDto.prototype, "waitlistPercent", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, description: QUOTAS_DOC }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], BulkDecisionDto.prototype, "waitlistQuotas", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: false, description: 'Reject the rest of every group that got a quota' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], BulkDecisionDto.prototype, "rejectRest", void 0);
class BulkGroupDto {
    group;
    name;
    eligible;
    accepted;
    waitlisted;
    rejected;
}
exports.BulkGroupDto = BulkGroupDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, description: 'Track or format slug; null for "none" or the whole event' }),
    __metadata("design:type", Object)
], BulkGroupDto.prototype, "group", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], BulkGroupDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Submitted, undecided proposals in the group' }),
    __metadata("design:type", Number)
], BulkGroupDto.prototype, "eligible", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], BulkGroupDto.prototype, "accepted", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], BulkGroupDto.prototype, "waitlisted", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], BulkGroupDto.prototype, "rejected", void 0);
class BulkDecisionResultDto {
    groupBy;
    groups;
    decided;
}
exports.BulkDecisionResultDto = BulkDecisionResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: exports.BULK_GROUPS }),
    __metadata("design:type", String)
], BulkDecisionResultDto.prototype, "groupBy", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [BulkGroupDto] }),
    __metadata("design:type", Array)
], BulkDecisionResultDto.prototype, "groups", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Decisions recorded (not yet released)' }),
    __metadata("design:type", Number)
], BulkDecisionResultDto.prototype, "decided", void 0);
class ReleaseDto {
    submissionIds;
}
exports.ReleaseDto = ReleaseDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [String], description: 'Release only these submissions’ decisions; all pending ones when left out' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(5_000),
    (0, class_validator_1.IsUUID)('all', { each: true }),
    __metadata("design:type", Array)
], ReleaseDto.prototype, "submissionIds", void 0);
class ReleaseResultDto {
    released;
    accepted;
    rejected;
    waitlisted;
    dropped;
}
exports.ReleaseResultDto = ReleaseResultDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReleaseResultDto.prototype, "released", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReleaseResultDto.prototype, "accepted", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReleaseResultDto.prototype, "rejected", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReleaseResultDto.prototype, "waitlisted", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Pending decisions dropped because the submission moved on (e.g. it was withdrawn)' }),
    __metadata("design:type", Number)
], ReleaseResultDto.prototype, "dropped", void 0);
class SubmissionOutcomeDto {
    submissionId;
    code;
    title;
    state;
    decision;
    awaitingConfirmation;
    stateChangedAt;
    speakerComments;
}
exports.SubmissionOutcomeDto = SubmissionOutcomeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], SubmissionOutcomeDto.prototype, "submissionId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SubmissionOutcomeDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SubmissionOutcomeDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SubmissionState }),
    __metadata("design:type", String)
], SubmissionOutcomeDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, enum: enums_1.ReviewDecision, description: 'null until the organisers release a decision' }),
    __metadata("design:type", Object)
], SubmissionOutcomeDto.prototype, "decision", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Accepted and waiting for the speakers to confirm or decline' }),
    __metadata("design:type", Boolean)
], SubmissionOutcomeDto.prototype, "awaitingConfirmation", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], SubmissionOutcomeDto.prototype, "stateChangedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], description: 'Reviewer comments meant for the speakers, without reviewer names; empty before release' }),
    __metadata("design:type", Array)
], SubmissionOutcomeDto.prototype, "speakerComments", void 0);
//# sourceMappingURL=decisions.dto.js.map