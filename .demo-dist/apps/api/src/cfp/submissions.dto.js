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
exports.PendingInvitationDto = exports.SubmissionCountsDto = exports.CountDto = exports.MySubmissionDto = exports.SubmissionPageDto = exports.SubmissionListItemDto = exports.SubmissionSpeakerSummaryDto = exports.SubmissionDto = exports.InvitationDto = exports.SpeakerDto = exports.TrackRefDto = exports.FormatRefDto = exports.ListSubmissionsQueryDto = exports.SubmissionFilterQueryDto = exports.InviteCospeakerDto = exports.CreateInvitedSessionDto = exports.InvitedSpeakerDto = exports.UpdateSubmissionDto = exports.CreateSubmissionDto = exports.DESCRIPTION_MAX = exports.ABSTRACT_MAX = exports.TITLE_MAX = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const pagination_dto_1 = require("../http/pagination.dto");
const cfp_dto_1 = require("./cfp.dto");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Limits a speaker sees on the form; KubeCon's CFP uses the same order of magnitude. */
exports.TITLE_MAX = 200;
exports.ABSTRACT_MAX = 1000;
exports.DESCRIPTION_MAX = 10_000;
const trim = ({ value }) => (typeof value === 'string' ? value.trim() : value);
class CreateSubmissionDto {
    title;
    abstract;
    description;
    format;
    track;
    level;
    language;
    answers;
}
exports.CreateSubmissionDto = CreateSubmissionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Zero-downtime upgrades of 10,000-node clusters', maxLength: exports.TITLE_MAX }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(exports.TITLE_MAX),
    __metadata("design:type", String)
], CreateSubmissionDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: exports.ABSTRACT_MAX, description: 'Shown in the programme; required to submit' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(exports.ABSTRACT_MAX),
    __metadata("design:type", String)
], CreateSubmissionDto.prototype, "abstract", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: exports.DESCRIPTION_MAX, description: 'For reviewers only' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(exports.DESCRIPTION_MAX),
    __metadata("design:type", String)
], CreateSubmissionDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'breakout', description: 'Slug of a session format of the event; required to submit' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], CreateSubmissionDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'security', description: 'Slug of a track; required to submit when the event has tracks' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], CreateSubmissionDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.AudienceLevel, description: 'Required to submit' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.AudienceLevel),
    __metadata("design:type", String)
], CreateSubmissionDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'zh-CN', description: 'One of the CFP’s talk languages; required to submit' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(LANGUAGE_TAG),
    (0, class_validator_1.MaxLength)(35),
    __metadata("design:type", String)
], CreateSubmissionDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: 'object', additionalProperties: true, description: cfp_dto_1.ANSWERS_DOC }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], CreateSubmissionDto.prototype, "answers", void 0);
/** Every field optional; `null` clears an optional field. The title cannot be cleared. */
class UpdateSubmissionDto {
    title;
    abstract;
    description;
    format;
    track;
    level;
    language;
    answers;
}
exports.UpdateSubmissionDto = UpdateSubmissionDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: exports.TITLE_MAX }),
    (0, class_validator_1.ValidateIf)((body) => body.title !== undefined),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(exports.TITLE_MAX),
    __metadata("design:type", String)
], UpdateSubmissionDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: exports.ABSTRACT_MAX, nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(exports.ABSTRACT_MAX),
    __metadata("design:type", Object)
], UpdateSubmissionDto.prototype, "abstract", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: exports.DESCRIPTION_MAX, nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(exports.DESCRIPTION_MAX),
    __metadata("design:type", Object)
], UpdateSubmissionDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", Object)
], UpdateSubmissionDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", Object)
], UpdateSubmissionDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.AudienceLevel, nullable: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.AudienceLevel),
    __metadata("design:type", Object)
], UpdateSubmissionDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(LANGUAGE_TAG),
    (0, class_validator_1.MaxLength)(35),
    __metadata("design:type", Object)
], UpdateSubmissionDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: 'object', additionalProperties: true, description: cfp_dto_1.ANSWERS_DOC }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsObject)(),
    __metadata("design:type", Object)
], UpdateSubmissionDto.prototype, "answers", void 0);
class InvitedSpeakerDto {
    email;
}
exports.InvitedSpeakerDto = InvitedSpeakerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'keynote@example.org', description: 'E-mail of an existing account' }),
    (0, class_validator_1.IsEmail)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], InvitedSpeakerDto.prototype, "email", void 0);
class CreateInvitedSessionDto {
    title;
    abstract;
    description;
    format;
    track;
    level;
    language;
    speakers;
}
exports.CreateInvitedSessionDto = CreateInvitedSessionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ maxLength: exports.TITLE_MAX }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(exports.TITLE_MAX),
    __metadata("design:type", String)
], CreateInvitedSessionDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ maxLength: exports.ABSTRACT_MAX }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(exports.ABSTRACT_MAX),
    __metadata("design:type", String)
], CreateInvitedSessionDto.prototype, "abstract", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: exports.DESCRIPTION_MAX }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(exports.DESCRIPTION_MAX),
    __metadata("design:type", String)
], CreateInvitedSessionDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'keynote' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], CreateInvitedSessionDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'security' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], CreateInvitedSessionDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.AudienceLevel }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.AudienceLevel),
    __metadata("design:type", String)
], CreateInvitedSessionDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'en' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(LANGUAGE_TAG),
    (0, class_validator_1.MaxLength)(35),
    __metadata("design:type", String)
], CreateInvitedSessionDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [InvitedSpeakerDto], description: 'The first one is the owner' }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => InvitedSpeakerDto),
    __metadata("design:type", Array)
], CreateInvitedSessionDto.prototype, "speakers", void 0);
class InviteCospeakerDto {
    email;
}
exports.InviteCospeakerDto = InviteCospeakerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'cospeaker@example.org' }),
    (0, class_validator_1.IsEmail)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], InviteCospeakerDto.prototype, "email", void 0);
const ORIGIN_FILTERS = ['CFP', 'INVITED', 'ALL'];
const LISTED_STATES = Object.values(enums_1.SubmissionState).filter((s) => s !== enums_1.SubmissionState.DRAFT);
const commaList = ({ value }) => typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;
class SubmissionFilterQueryDto {
    state;
    track;
    format;
    level;
    language;
    q;
    origin;
}
exports.SubmissionFilterQueryDto = SubmissionFilterQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: String,
        example: 'SUBMITTED,WAITLISTED',
        description: `Comma-separated states among ${LISTED_STATES.join(', ')} (drafts are private to their speakers)`,
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(commaList),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(LISTED_STATES.length),
    (0, class_validator_1.IsIn)(LISTED_STATES, { each: true }),
    __metadata("design:type", Array)
], SubmissionFilterQueryDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Track slug' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], SubmissionFilterQueryDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Format slug' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], SubmissionFilterQueryDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.AudienceLevel }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.AudienceLevel),
    __metadata("design:type", String)
], SubmissionFilterQueryDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'zh-CN' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(LANGUAGE_TAG),
    (0, class_validator_1.MaxLength)(35),
    __metadata("design:type", String)
], SubmissionFilterQueryDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Words in the title or abstract (case-insensitive)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], SubmissionFilterQueryDto.prototype, "q", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        enum: ORIGIN_FILTERS,
        default: 'CFP',
        description: 'CFP submissions (default), sessions organisers added (INVITED), or both',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)([...ORIGIN_FILTERS]),
    __metadata("design:type", Object)
], SubmissionFilterQueryDto.prototype, "origin", void 0);
class ListSubmissionsQueryDto extends (0, swagger_1.IntersectionType)(pagination_dto_1.PageQueryDto, SubmissionFilterQueryDto) {
}
exports.ListSubmissionsQueryDto = ListSubmissionsQueryDto;
class FormatRefDto {
    slug;
    name;
}
exports.FormatRefDto = FormatRefDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], FormatRefDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], FormatRefDto.prototype, "name", void 0);
class TrackRefDto {
    slug;
    name;
}
exports.TrackRefDto = TrackRefDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TrackRefDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TrackRefDto.prototype, "name", void 0);
class SpeakerDto {
    userId;
    role;
    name;
    company;
    jobTitle;
    country;
    pronouns;
    bio;
    hasProfile;
    firstTimeSpeaker;
    email;
    answers;
}
exports.SpeakerDto = SpeakerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], SpeakerDto.prototype, "userId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SpeakerRole }),
    __metadata("design:type", String)
], SpeakerDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SpeakerDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SpeakerDto.prototype, "company", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SpeakerDto.prototype, "jobTitle", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SpeakerDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SpeakerDto.prototype, "pronouns", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SpeakerDto.prototype, "bio", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'False until the speaker has a speaker profile' }),
    __metadata("design:type", Boolean)
], SpeakerDto.prototype, "hasProfile", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Boolean, description: 'As declared when the submission was committed' }),
    __metadata("design:type", Object)
], SpeakerDto.prototype, "firstTimeSpeaker", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Organisers only' }),
    __metadata("design:type", String)
], SpeakerDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: 'object', additionalProperties: true, description: 'Organisers only: speaker questions' }),
    __metadata("design:type", Object)
], SpeakerDto.prototype, "answers", void 0);
class InvitationDto {
    id;
    email;
    status;
    createdAt;
    respondedAt;
}
exports.InvitationDto = InvitationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], InvitationDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], InvitationDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.InvitationStatus }),
    __metadata("design:type", String)
], InvitationDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], InvitationDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Date, format: 'date-time' }),
    __metadata("design:type", Object)
], InvitationDto.prototype, "respondedAt", void 0);
class SubmissionDto {
    id;
    code;
    origin;
    state;
    title;
    abstract;
    description;
    format;
    track;
    level;
    language;
    answers;
    speakers;
    invitations;
    submittedAt;
    createdAt;
    updatedAt;
    editable;
    cfpClosesAt;
    cfpClosesAtLocal;
}
exports.SubmissionDto = SubmissionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], SubmissionDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'KCCN19-7F3K', description: 'Short code speakers can quote' }),
    __metadata("design:type", String)
], SubmissionDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SubmissionOrigin }),
    __metadata("design:type", String)
], SubmissionDto.prototype, "origin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SubmissionState }),
    __metadata("design:type", String)
], SubmissionDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SubmissionDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SubmissionDto.prototype, "abstract", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SubmissionDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: FormatRefDto }),
    __metadata("design:type", Object)
], SubmissionDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: TrackRefDto }),
    __metadata("design:type", Object)
], SubmissionDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, enum: enums_1.AudienceLevel }),
    __metadata("design:type", Object)
], SubmissionDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SubmissionDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'object', additionalProperties: true, description: 'Question id → answer' }),
    __metadata("design:type", Object)
], SubmissionDto.prototype, "answers", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [SpeakerDto] }),
    __metadata("design:type", Array)
], SubmissionDto.prototype, "speakers", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [InvitationDto] }),
    __metadata("design:type", Array)
], SubmissionDto.prototype, "invitations", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Date, format: 'date-time' }),
    __metadata("design:type", Object)
], SubmissionDto.prototype, "submittedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], SubmissionDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], SubmissionDto.prototype, "updatedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Whether the caller may change the content right now' }),
    __metadata("design:type", Boolean)
], SubmissionDto.prototype, "editable", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Date, format: 'date-time', description: 'End of the CFP (UTC)' }),
    __metadata("design:type", Object)
], SubmissionDto.prototype, "cfpClosesAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, example: '2030-03-01T23:59:59+08:00', description: 'Same, in the event’s time zone' }),
    __metadata("design:type", Object)
], SubmissionDto.prototype, "cfpClosesAtLocal", void 0);
class SubmissionSpeakerSummaryDto {
    role;
    name;
    company;
    country;
}
exports.SubmissionSpeakerSummaryDto = SubmissionSpeakerSummaryDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SpeakerRole }),
    __metadata("design:type", String)
], SubmissionSpeakerSummaryDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SubmissionSpeakerSummaryDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SubmissionSpeakerSummaryDto.prototype, "company", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SubmissionSpeakerSummaryDto.prototype, "country", void 0);
class SubmissionListItemDto {
    id;
    code;
    origin;
    state;
    title;
    format;
    track;
    level;
    language;
    speakers;
    submittedAt;
}
exports.SubmissionListItemDto = SubmissionListItemDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], SubmissionListItemDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SubmissionListItemDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SubmissionOrigin }),
    __metadata("design:type", String)
], SubmissionListItemDto.prototype, "origin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SubmissionState }),
    __metadata("design:type", String)
], SubmissionListItemDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SubmissionListItemDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: FormatRefDto }),
    __metadata("design:type", Object)
], SubmissionListItemDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: TrackRefDto }),
    __metadata("design:type", Object)
], SubmissionListItemDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, enum: enums_1.AudienceLevel }),
    __metadata("design:type", Object)
], SubmissionListItemDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SubmissionListItemDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [SubmissionSpeakerSummaryDto] }),
    __metadata("design:type", Array)
], SubmissionListItemDto.prototype, "speakers", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Date, format: 'date-time' }),
    __metadata("design:type", Object)
], SubmissionListItemDto.prototype, "submittedAt", void 0);
class SubmissionPageDto {
    items;
    nextCursor;
}
exports.SubmissionPageDto = SubmissionPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [SubmissionListItemDto] }),
    __metadata("design:type", Array)
], SubmissionPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SubmissionPageDto.prototype, "nextCursor", void 0);
class MySubmissionDto {
    id;
    code;
    origin;
    state;
    title;
    format;
    track;
    level;
    language;
    role;
    submittedAt;
    updatedAt;
}
exports.MySubmissionDto = MySubmissionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], MySubmissionDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MySubmissionDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SubmissionOrigin }),
    __metadata("design:type", String)
], MySubmissionDto.prototype, "origin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SubmissionState }),
    __metadata("design:type", String)
], MySubmissionDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MySubmissionDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: FormatRefDto }),
    __metadata("design:type", Object)
], MySubmissionDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: TrackRefDto }),
    __metadata("design:type", Object)
], MySubmissionDto.prototype, "track", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, enum: enums_1.AudienceLevel }),
    __metadata("design:type", Object)
], MySubmissionDto.prototype, "level", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], MySubmissionDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SpeakerRole, description: 'The caller’s role on it' }),
    __metadata("design:type", String)
], MySubmissionDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Date, format: 'date-time' }),
    __metadata("design:type", Object)
], MySubmissionDto.prototype, "submittedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], MySubmissionDto.prototype, "updatedAt", void 0);
class CountDto {
    key;
    name;
    count;
}
exports.CountDto = CountDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CountDto.prototype, "key", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, description: 'Track or format name; null for "none"' }),
    __metadata("design:type", Object)
], CountDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], CountDto.prototype, "count", void 0);
class SubmissionCountsDto {
    total;
    byState;
    byTrack;
    byFormat;
}
exports.SubmissionCountsDto = SubmissionCountsDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], SubmissionCountsDto.prototype, "total", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CountDto], description: 'key = state' }),
    __metadata("design:type", Array)
], SubmissionCountsDto.prototype, "byState", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CountDto], description: 'key = track slug, or "none"' }),
    __metadata("design:type", Array)
], SubmissionCountsDto.prototype, "byTrack", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CountDto], description: 'key = format slug, or "none"' }),
    __metadata("design:type", Array)
], SubmissionCountsDto.prototype, "byFormat", void 0);
class PendingInvitationDto {
    id;
    eventSlug;
    eventName;
    submissionId;
    submissionCode;
    title;
    ownerName;
    createdAt;
}
exports.PendingInvitationDto = PendingInvitationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PendingInvitationDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], PendingInvitationDto.prototype, "eventSlug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], PendingInvitationDto.prototype, "eventName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], PendingInvitationDto.prototype, "submissionId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], PendingInvitationDto.prototype, "submissionCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], PendingInvitationDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Who invited you' }),
    __metadata("design:type", String)
], PendingInvitationDto.prototype, "ownerName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], PendingInvitationDto.prototype, "createdAt", void 0);
//# sourceMappingURL=submissions.dto.js.map