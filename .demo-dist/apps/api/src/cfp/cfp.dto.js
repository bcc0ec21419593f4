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
exports.SpeakerAnswersDto = exports.SpeakerAnswersInputDto = exports.ANSWERS_DOC = exports.SpeakerProfileDto = exports.SpeakerProfileInputDto = exports.CfpDto = exports.QuestionDto = exports.UpdateQuestionDto = exports.CreateQuestionDto = exports.TrackDto = exports.UpdateTrackDto = exports.CreateTrackDto = exports.FormatDto = exports.UpdateFormatDto = exports.CreateFormatDto = exports.PatchCfpSettingsDto = exports.PutCfpSettingsDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An instant (`Z` or `+08:00`) or a wall-clock time read in the event's time zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/;
/** BCP 47 language tags as conferences use them: en, zh-CN, pt-BR. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const CODE_PREFIX = /^[A-Z0-9]{2,10}$/;
const upper = ({ value }) => (typeof value === 'string' ? value.toUpperCase() : value);
const DATE_TIME_DOC = 'ISO 8601. With an offset (Z, +08:00) it is an instant; without one it is read in the event’s time zone, ' +
    'e.g. 2030-03-01T23:59:59 for one second before midnight local time.';
class PutCfpSettingsDto {
    opensAt;
    closesAt;
    maxSubmissionsPerSpeaker;
    languages;
    codePrefix;
}
exports.PutCfpSettingsDto = PutCfpSettingsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-01-10T00:00:00', description: DATE_TIME_DOC }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(DATE_TIME),
    __metadata("design:type", String)
], PutCfpSettingsDto.prototype, "opensAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-03-01T23:59:59', description: `${DATE_TIME_DOC} Submissions are refused after it.` }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(DATE_TIME),
    __metadata("design:type", String)
], PutCfpSettingsDto.prototype, "closesAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 3, minimum: 1, maximum: 100, description: 'Submissions one person may be a speaker on' }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(100),
    __metadata("design:type", Number)
], PutCfpSettingsDto.prototype, "maxSubmissionsPerSpeaker", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: ['en', 'zh-CN'], default: ['en', 'zh-CN'], description: 'Talk languages (BCP 47)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.Matches)(LANGUAGE_TAG, { each: true }),
    __metadata("design:type", Array)
], PutCfpSettingsDto.prototype, "languages", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'KCCN19', description: 'Prefix of submission codes; derived from the slug if left out' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(CODE_PREFIX),
    __metadata("design:type", String)
], PutCfpSettingsDto.prototype, "codePrefix", void 0);
class PatchCfpSettingsDto {
    opensAt;
    closesAt;
    maxSubmissionsPerSpeaker;
    languages;
    codePrefix;
}
exports.PatchCfpSettingsDto = PatchCfpSettingsDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: DATE_TIME_DOC }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(DATE_TIME),
    __metadata("design:type", String)
], PatchCfpSettingsDto.prototype, "opensAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: DATE_TIME_DOC }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(DATE_TIME),
    __metadata("design:type", String)
], PatchCfpSettingsDto.prototype, "closesAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 1, maximum: 100 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(100),
    __metadata("design:type", Number)
], PatchCfpSettingsDto.prototype, "maxSubmissionsPerSpeaker", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: ['en', 'zh-CN'] }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.Matches)(LANGUAGE_TAG, { each: true }),
    __metadata("design:type", Array)
], PatchCfpSettingsDto.prototype, "languages", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'KCCN19' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(CODE_PREFIX),
    __metadata("design:type", String)
], PatchCfpSettingsDto.prototype, "codePrefix", void 0);
class CreateFormatDto {
    slug;
    name;
    nameZh;
    description;
    durationMinutes;
    maxSpeakers;
    openForSubmissions;
    position;
}
exports.CreateFormatDto = CreateFormatDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'tutorial', pattern: SLUG.source }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], CreateFormatDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Tutorial' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(120),
    __metadata("design:type", String)
], CreateFormatDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '教程' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(120),
    __metadata("design:type", String)
], CreateFormatDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], CreateFormatDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 90, minimum: 1, maximum: 1440 }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(1440),
    __metadata("design:type", Number)
], CreateFormatDto.prototype, "durationMinutes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 4, minimum: 1, maximum: 20, description: 'Speakers a session of this format may have' }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(20),
    __metadata("design:type", Number)
], CreateFormatDto.prototype, "maxSpeakers", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: true, description: 'False for formats filled only by invitation (keynotes)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateFormatDto.prototype, "openForSubmissions", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 0 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10_000),
    __metadata("design:type", Number)
], CreateFormatDto.prototype, "position", void 0);
class UpdateFormatDto {
    name;
    nameZh;
    description;
    durationMinutes;
    maxSpeakers;
    openForSubmissions;
    position;
}
exports.UpdateFormatDto = UpdateFormatDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(120),
    __metadata("design:type", String)
], UpdateFormatDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(120),
    __metadata("design:type", String)
], UpdateFormatDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], UpdateFormatDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(1440),
    __metadata("design:type", Number)
], UpdateFormatDto.prototype, "durationMinutes", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(20),
    __metadata("design:type", Number)
], UpdateFormatDto.prototype, "maxSpeakers", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], UpdateFormatDto.prototype, "openForSubmissions", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10_000),
    __metadata("design:type", Number)
], UpdateFormatDto.prototype, "position", void 0);
class FormatDto {
    slug;
    name;
    nameZh;
    description;
    durationMinutes;
    maxSpeakers;
    openForSubmissions;
    position;
}
exports.FormatDto = FormatDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], FormatDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], FormatDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], FormatDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], FormatDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], FormatDto.prototype, "durationMinutes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], FormatDto.prototype, "maxSpeakers", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], FormatDto.prototype, "openForSubmissions", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], FormatDto.prototype, "position", void 0);
class CreateTrackDto {
    slug;
    name;
    nameZh;
    description;
    position;
}
exports.CreateTrackDto = CreateTrackDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'security', pattern: SLUG.source }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], CreateTrackDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Security + Identity + Policy' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(120),
    __metadata("design:type", String)
], CreateTrackDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '安全 + 身份 + 策略' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(120),
    __metadata("design:type", String)
], CreateTrackDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], CreateTrackDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 0 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10_000),
    __metadata("design:type", Number)
], CreateTrackDto.prototype, "position", void 0);
class UpdateTrackDto {
    name;
    nameZh;
    description;
    position;
}
exports.UpdateTrackDto = UpdateTrackDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(120),
    __metadata("design:type", String)
], UpdateTrackDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(120),
    __metadata("design:type", String)
], UpdateTrackDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], UpdateTrackDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10_000),
    __metadata("design:type", Number)
], UpdateTrackDto.prototype, "position", void 0);
class TrackDto {
    slug;
    name;
    nameZh;
    description;
    position;
}
exports.TrackDto = TrackDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TrackDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TrackDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], TrackDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], TrackDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TrackDto.prototype, "position", void 0);
class CreateQuestionDto {
    scope;
    type;
    label;
    labelZh;
    helpText;
    required;
    options;
    maxLength;
    position;
}
exports.CreateQuestionDto = CreateQuestionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.CfpQuestionScope, description: 'Answered once per submission, or once per speaker and event' }),
    (0, class_validator_1.IsEnum)(enums_1.CfpQuestionScope),
    __metadata("design:type", String)
], CreateQuestionDto.prototype, "scope", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.CfpQuestionType }),
    (0, class_validator_1.IsEnum)(enums_1.CfpQuestionType),
    __metadata("design:type", String)
], CreateQuestionDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Has this talk been given before?' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], CreateQuestionDto.prototype, "label", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '这个演讲以前讲过吗？' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], CreateQuestionDto.prototype, "labelZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], CreateQuestionDto.prototype, "helpText", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: false }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateQuestionDto.prototype, "required", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [String], description: 'The choices; required for CHOICE and MULTI_CHOICE, refused otherwise' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(50),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.MinLength)(1, { each: true }),
    (0, class_validator_1.MaxLength)(200, { each: true }),
    __metadata("design:type", Array)
], CreateQuestionDto.prototype, "options", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'TEXT only: longest answer accepted (default 5000)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(20_000),
    __metadata("design:type", Number)
], CreateQuestionDto.prototype, "maxLength", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 0 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10_000),
    __metadata("design:type", Number)
], CreateQuestionDto.prototype, "position", void 0);
/** Scope and type are fixed once created: answers already given were checked against them. */
class UpdateQuestionDto {
    label;
    labelZh;
    helpText;
    required;
    options;
    maxLength;
    position;
}
exports.UpdateQuestionDto = UpdateQuestionDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], UpdateQuestionDto.prototype, "label", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], UpdateQuestionDto.prototype, "labelZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], UpdateQuestionDto.prototype, "helpText", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], UpdateQuestionDto.prototype, "required", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [String] }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(50),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.MinLength)(1, { each: true }),
    (0, class_validator_1.MaxLength)(200, { each: true }),
    __metadata("design:type", Array)
], UpdateQuestionDto.prototype, "options", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(20_000),
    __metadata("design:type", Number)
], UpdateQuestionDto.prototype, "maxLength", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10_000),
    __metadata("design:type", Number)
], UpdateQuestionDto.prototype, "position", void 0);
class QuestionDto {
    id;
    scope;
    type;
    label;
    labelZh;
    helpText;
    required;
    options;
    maxLength;
    position;
}
exports.QuestionDto = QuestionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], QuestionDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.CfpQuestionScope }),
    __metadata("design:type", String)
], QuestionDto.prototype, "scope", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.CfpQuestionType }),
    __metadata("design:type", String)
], QuestionDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], QuestionDto.prototype, "label", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], QuestionDto.prototype, "labelZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], QuestionDto.prototype, "helpText", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], QuestionDto.prototype, "required", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], QuestionDto.prototype, "options", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    __metadata("design:type", Object)
], QuestionDto.prototype, "maxLength", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], QuestionDto.prototype, "position", void 0);
class CfpDto {
    eventSlug;
    timezone;
    opensAt;
    opensAtLocal;
    closesAt;
    closesAtLocal;
    isOpen;
    maxSubmissionsPerSpeaker;
    languages;
    levels;
    codePrefix;
    formats;
    tracks;
    questions;
}
exports.CfpDto = CfpDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CfpDto.prototype, "eventSlug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Asia/Shanghai' }),
    __metadata("design:type", String)
], CfpDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time', description: 'UTC' }),
    __metadata("design:type", Date)
], CfpDto.prototype, "opensAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-01-10T00:00:00+08:00', description: 'The same instant in the event’s time zone' }),
    __metadata("design:type", String)
], CfpDto.prototype, "opensAtLocal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time', description: 'UTC; the last instant at which a submission is accepted' }),
    __metadata("design:type", Date)
], CfpDto.prototype, "closesAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-03-01T23:59:59+08:00' }),
    __metadata("design:type", String)
], CfpDto.prototype, "closesAtLocal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Whether submissions are accepted right now' }),
    __metadata("design:type", Boolean)
], CfpDto.prototype, "isOpen", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], CfpDto.prototype, "maxSubmissionsPerSpeaker", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], example: ['en', 'zh-CN'] }),
    __metadata("design:type", Array)
], CfpDto.prototype, "languages", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.AudienceLevel, isArray: true }),
    __metadata("design:type", Array)
], CfpDto.prototype, "levels", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'KCCN19' }),
    __metadata("design:type", String)
], CfpDto.prototype, "codePrefix", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [FormatDto] }),
    __metadata("design:type", Array)
], CfpDto.prototype, "formats", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [TrackDto] }),
    __metadata("design:type", Array)
], CfpDto.prototype, "tracks", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [QuestionDto], description: 'Questions still asked (archived ones are left out)' }),
    __metadata("design:type", Array)
], CfpDto.prototype, "questions", void 0);
class SpeakerProfileInputDto {
    name;
    bio;
    company;
    jobTitle;
    country;
    pronouns;
    firstTimeSpeaker;
}
exports.SpeakerProfileInputDto = SpeakerProfileInputDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Ada Lovelace', description: 'Name as printed in the programme' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], SpeakerProfileInputDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ maxLength: 2000 }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], SpeakerProfileInputDto.prototype, "bio", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Analytical Engines Ltd' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], SpeakerProfileInputDto.prototype, "company", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Principal Engineer' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], SpeakerProfileInputDto.prototype, "jobTitle", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'GB', description: 'ISO 3166-1 alpha-2' }),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsISO31661Alpha2)(),
    __metadata("design:type", String)
], SpeakerProfileInputDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'she/her' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(50),
    __metadata("design:type", String)
], SpeakerProfileInputDto.prototype, "pronouns", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'First time speaking at this event series (counted in the transparency report)' }),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], SpeakerProfileInputDto.prototype, "firstTimeSpeaker", void 0);
class SpeakerProfileDto {
    userId;
    name;
    bio;
    company;
    jobTitle;
    country;
    pronouns;
    firstTimeSpeaker;
    updatedAt;
}
exports.SpeakerProfileDto = SpeakerProfileDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], SpeakerProfileDto.prototype, "userId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SpeakerProfileDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SpeakerProfileDto.prototype, "bio", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SpeakerProfileDto.prototype, "company", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SpeakerProfileDto.prototype, "jobTitle", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SpeakerProfileDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SpeakerProfileDto.prototype, "pronouns", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], SpeakerProfileDto.prototype, "firstTimeSpeaker", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], SpeakerProfileDto.prototype, "updatedAt", void 0);
exports.ANSWERS_DOC = 'Question id → answer: a string (TEXT), one of the options (CHOICE), a list of options (MULTI_CHOICE), a number ' +
    '(NUMBER) or true/false (BOOLEAN). null removes an answer; questions left out keep theirs.';
class SpeakerAnswersInputDto {
    answers;
}
exports.SpeakerAnswersInputDto = SpeakerAnswersInputDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'object', additionalProperties: true, description: exports.ANSWERS_DOC }),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], SpeakerAnswersInputDto.prototype, "answers", void 0);
class SpeakerAnswersDto {
    answers;
}
exports.SpeakerAnswersDto = SpeakerAnswersDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'object', additionalProperties: true, description: 'Question id → answer' }),
    __metadata("design:type", Object)
], SpeakerAnswersDto.prototype, "answers", void 0);
//# sourceMappingURL=cfp.dto.js.map