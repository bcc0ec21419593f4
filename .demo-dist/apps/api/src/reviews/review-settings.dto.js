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
exports.ReviewSettingsDto = exports.CriterionDto = exports.PutReviewSettingsDto = exports.CriterionInputDto = exports.CRITERION_KEY = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
/** An instant (`Z` or `+08:00`) or a wall-clock time read in the event's time zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME_DOC = 'ISO 8601. With an offset (Z, +08:00) it is an instant; without one it is read in the event’s time zone.';
exports.CRITERION_KEY = /^[a-z][a-z0-9_]{0,39}$/;
class CriterionInputDto {
    key;
    name;
    nameZh;
    description;
    weight;
}
exports.CriterionInputDto = CriterionInputDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'relevance', pattern: exports.CRITERION_KEY.source, description: 'Stable key the scores are given under' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(exports.CRITERION_KEY),
    __metadata("design:type", String)
], CriterionInputDto.prototype, "key", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Relevance' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], CriterionInputDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '相关性' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(100),
    __metadata("design:type", String)
], CriterionInputDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(1000),
    __metadata("design:type", String)
], CriterionInputDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 2, minimum: 0.01, maximum: 100, description: 'Relative weight in a review’s score' }),
    (0, class_validator_1.IsNumber)({ allowNaN: false, allowInfinity: false }),
    (0, class_validator_1.Min)(0.01),
    (0, class_validator_1.Max)(100),
    __metadata("design:type", Number)
], CriterionInputDto.prototype, "weight", void 0);
class PutReviewSettingsDto {
    opensAt;
    closesAt;
    scaleMin;
    scaleMax;
    reviewsPerSubmission;
    anonymised;
    promoteFromWaitlist;
    criteria;
}
exports.PutReviewSettingsDto = PutReviewSettingsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-03-05T00:00:00', description: `${DATE_TIME_DOC} Reviews can be written from then on.` }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(DATE_TIME),
    __metadata("design:type", String)
], PutReviewSettingsDto.prototype, "opensAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-03-25T23:59:59', description: `${DATE_TIME_DOC} Reviews can be written and edited until then.` }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(DATE_TIME),
    __metadata("design:type", String)
], PutReviewSettingsDto.prototype, "closesAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 1, minimum: 0, maximum: 10 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10),
    __metadata("design:type", Number)
], PutReviewSettingsDto.prototype, "scaleMin", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 5, minimum: 1, maximum: 100 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(100),
    __metadata("design:type", Number)
], PutReviewSettingsDto.prototype, "scaleMax", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 3, minimum: 1, maximum: 20, description: 'Reviewers the automatic assignment gives each submission' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(20),
    __metadata("design:type", Number)
], PutReviewSettingsDto.prototype, "reviewsPerSubmission", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: true, description: 'Reviewers never see speaker names, e-mails, companies or ids' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], PutReviewSettingsDto.prototype, "anonymised", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: true, description: 'A declined acceptance promotes the best waitlisted talk of its track' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], PutReviewSettingsDto.prototype, "promoteFromWaitlist", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: [CriterionInputDto],
        description: 'Scored criteria (kept as they are when left out; on first use: relevance ×2, clarity, originality, speaker ' +
            'expertise). They and the scale can change only while no review exists.',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(12),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => CriterionInputDto),
    __metadata("design:type", Array)
], PutReviewSettingsDto.prototype, "criteria", void 0);
class CriterionDto {
    key;
    name;
    nameZh;
    description;
    weight;
    position;
}
exports.CriterionDto = CriterionDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CriterionDto.prototype, "key", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CriterionDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], CriterionDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], CriterionDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], CriterionDto.prototype, "weight", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], CriterionDto.prototype, "position", void 0);
class ReviewSettingsDto {
    eventSlug;
    timezone;
    scaleMin;
    scaleMax;
    reviewsPerSubmission;
    anonymised;
    promoteFromWaitlist;
    opensAt;
    opensAtLocal;
    closesAt;
    closesAtLocal;
    isOpen;
    criteria;
    confidenceLevels;
}
exports.ReviewSettingsDto = ReviewSettingsDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ReviewSettingsDto.prototype, "eventSlug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Asia/Shanghai' }),
    __metadata("design:type", String)
], ReviewSettingsDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReviewSettingsDto.prototype, "scaleMin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReviewSettingsDto.prototype, "scaleMax", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ReviewSettingsDto.prototype, "reviewsPerSubmission", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], ReviewSettingsDto.prototype, "anonymised", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], ReviewSettingsDto.prototype, "promoteFromWaitlist", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ReviewSettingsDto.prototype, "opensAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-03-05T00:00:00+08:00' }),
    __metadata("design:type", String)
], ReviewSettingsDto.prototype, "opensAtLocal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ReviewSettingsDto.prototype, "closesAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-03-25T23:59:59+08:00' }),
    __metadata("design:type", String)
], ReviewSettingsDto.prototype, "closesAtLocal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Reviews can be written now' }),
    __metadata("design:type", Boolean)
], ReviewSettingsDto.prototype, "isOpen", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CriterionDto] }),
    __metadata("design:type", Array)
], ReviewSettingsDto.prototype, "criteria", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: [1, 2, 3], isArray: true, description: 'Confidence levels: 1 low, 2 medium, 3 high' }),
    __metadata("design:type", Array)
], ReviewSettingsDto.prototype, "confidenceLevels", void 0);
//# sourceMappingURL=review-settings.dto.js.map