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
exports.ApplicationPageDto = exports.ApplicationListItemDto = exports.ApplicationDto = exports.ApplicantDto = exports.SelfDescribedDto = exports.ApplicationAwardDto = exports.ApplicationProgrammeDto = exports.ListApplicationsQueryDto = exports.UpdateApplicationDto = exports.CreateApplicationDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const pagination_dto_1 = require("../http/pagination.dto");
const programmes_dto_1 = require("./programmes.dto");
const upper = ({ value }) => (typeof value === 'string' ? value.toUpperCase() : value);
const nullable = (_, value) => value !== null;
/** The applicant's answers; the self-described ones are all optional. */
class ApplicationContentDto {
    contributions;
    gender;
    firstTimeAttendee;
    underrepresented;
    backgroundNote;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Contributions to the community so far (projects, meetups, talks)', nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)(nullable),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(5000),
    __metadata("design:type", Object)
], ApplicationContentDto.prototype, "contributions", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.Gender, nullable: true, description: 'Self-described; optional' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)(nullable),
    (0, class_validator_1.IsEnum)(enums_1.Gender),
    __metadata("design:type", Object)
], ApplicationContentDto.prototype, "gender", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Boolean, description: 'Self-described; optional' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)(nullable),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Object)
], ApplicationContentDto.prototype, "firstTimeAttendee", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Boolean, description: 'Self-described: belongs to a group underrepresented in tech; optional' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)(nullable),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Object)
], ApplicationContentDto.prototype, "underrepresented", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, description: 'Self-described background in the applicant’s own words; optional' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)(nullable),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", Object)
], ApplicationContentDto.prototype, "backgroundNote", void 0);
class CreateApplicationDto extends ApplicationContentDto {
    programmeId;
    statement;
    requestedTravelMinor;
    travelOrigin;
    consent;
}
exports.CreateApplicationDto = CreateApplicationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreateApplicationDto.prototype, "programmeId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Why attending matters to you and what it would make possible' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(5000),
    __metadata("design:type", String)
], CreateApplicationDto.prototype, "statement", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 0, minimum: 0, description: 'Travel support asked for, in the programme’s minor units; at most its cap' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(programmes_dto_1.MAX_MINOR),
    __metadata("design:type", Number)
], CreateApplicationDto.prototype, "requestedTravelMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'NG', description: 'ISO 3166-1 alpha-2 country you would travel from' }),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsISO31661Alpha2)(),
    __metadata("design:type", String)
], CreateApplicationDto.prototype, "travelOrigin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Must be true: the scholarship committee may read this application and its answers' }),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateApplicationDto.prototype, "consent", void 0);
class UpdateApplicationDto extends ApplicationContentDto {
    statement;
    requestedTravelMinor;
    travelOrigin;
}
exports.UpdateApplicationDto = UpdateApplicationDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(5000),
    __metadata("design:type", String)
], UpdateApplicationDto.prototype, "statement", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 0 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(programmes_dto_1.MAX_MINOR),
    __metadata("design:type", Number)
], UpdateApplicationDto.prototype, "requestedTravelMinor", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsISO31661Alpha2)(),
    __metadata("design:type", String)
], UpdateApplicationDto.prototype, "travelOrigin", void 0);
class ListApplicationsQueryDto extends pagination_dto_1.PageQueryDto {
    programmeId;
    state;
}
exports.ListApplicationsQueryDto = ListApplicationsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'uuid' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ListApplicationsQueryDto.prototype, "programmeId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.ScholarshipApplicationState }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.ScholarshipApplicationState),
    __metadata("design:type", String)
], ListApplicationsQueryDto.prototype, "state", void 0);
class ApplicationProgrammeDto {
    id;
    key;
    name;
    nameZh;
    kind;
    currency;
}
exports.ApplicationProgrammeDto = ApplicationProgrammeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ApplicationProgrammeDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ApplicationProgrammeDto.prototype, "key", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ApplicationProgrammeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], ApplicationProgrammeDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ScholarshipKind }),
    __metadata("design:type", String)
], ApplicationProgrammeDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ApplicationProgrammeDto.prototype, "currency", void 0);
class ApplicationAwardDto {
    id;
    state;
    travelGrantMinor;
    includesRegistration;
    registrationId;
    offeredAt;
    respondedAt;
    revokedAt;
}
exports.ApplicationAwardDto = ApplicationAwardDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ApplicationAwardDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ScholarshipAwardState }),
    __metadata("design:type", String)
], ApplicationAwardDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Minor units of the programme’s currency' }),
    __metadata("design:type", Number)
], ApplicationAwardDto.prototype, "travelGrantMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], ApplicationAwardDto.prototype, "includesRegistration", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'uuid', nullable: true, type: String }),
    __metadata("design:type", Object)
], ApplicationAwardDto.prototype, "registrationId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ApplicationAwardDto.prototype, "offeredAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'date-time', nullable: true, type: String }),
    __metadata("design:type", Object)
], ApplicationAwardDto.prototype, "respondedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'date-time', nullable: true, type: String }),
    __metadata("design:type", Object)
], ApplicationAwardDto.prototype, "revokedAt", void 0);
class SelfDescribedDto {
    gender;
    firstTimeAttendee;
    underrepresented;
    backgroundNote;
}
exports.SelfDescribedDto = SelfDescribedDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.Gender, nullable: true }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "gender", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Boolean }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "firstTimeAttendee", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Boolean }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "underrepresented", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "backgroundNote", void 0);
class ApplicantDto {
    id;
    name;
    email;
}
exports.ApplicantDto = ApplicantDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ApplicantDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ApplicantDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ApplicantDto.prototype, "email", void 0);
/** The applicant's own view, and (with `applicant`) the committee's; nobody else ever receives one. */
class ApplicationDto {
    id;
    programme;
    state;
    statement;
    contributions;
    requestedTravelMinor;
    travelOrigin;
    selfDescribed;
    consentGivenAt;
    editable;
    withdrawnAt;
    createdAt;
    updatedAt;
    award;
    applicant;
}
exports.ApplicationDto = ApplicationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ApplicationDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: ApplicationProgrammeDto }),
    __metadata("design:type", ApplicationProgrammeDto)
], ApplicationDto.prototype, "programme", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ScholarshipApplicationState }),
    __metadata("design:type", String)
], ApplicationDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ApplicationDto.prototype, "statement", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], ApplicationDto.prototype, "contributions", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ApplicationDto.prototype, "requestedTravelMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ApplicationDto.prototype, "travelOrigin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: SelfDescribedDto }),
    __metadata("design:type", SelfDescribedDto)
], ApplicationDto.prototype, "selfDescribed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ApplicationDto.prototype, "consentGivenAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'The applicant may still change or withdraw it (window open, not withdrawn)' }),
    __metadata("design:type", Boolean)
], ApplicationDto.prototype, "editable", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'date-time', nullable: true, type: String }),
    __metadata("design:type", Object)
], ApplicationDto.prototype, "withdrawnAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ApplicationDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ApplicationDto.prototype, "updatedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: ApplicationAwardDto, nullable: true, description: 'The latest award, if any' }),
    __metadata("design:type", Object)
], ApplicationDto.prototype, "award", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: ApplicantDto, description: 'Committee only' }),
    __metadata("design:type", ApplicantDto)
], ApplicationDto.prototype, "applicant", void 0);
class ApplicationListItemDto {
    id;
    programmeId;
    programmeKey;
    applicant;
    state;
    requestedTravelMinor;
    currency;
    travelOrigin;
    assigned;
    reviews;
    award;
    createdAt;
    updatedAt;
}
exports.ApplicationListItemDto = ApplicationListItemDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ApplicationListItemDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ApplicationListItemDto.prototype, "programmeId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ApplicationListItemDto.prototype, "programmeKey", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: ApplicantDto }),
    __metadata("design:type", ApplicantDto)
], ApplicationListItemDto.prototype, "applicant", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ScholarshipApplicationState }),
    __metadata("design:type", String)
], ApplicationListItemDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ApplicationListItemDto.prototype, "requestedTravelMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ApplicationListItemDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ApplicationListItemDto.prototype, "travelOrigin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ApplicationListItemDto.prototype, "assigned", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ApplicationListItemDto.prototype, "reviews", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: ApplicationAwardDto, nullable: true }),
    __metadata("design:type", Object)
], ApplicationListItemDto.prototype, "award", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ApplicationListItemDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ApplicationListItemDto.prototype, "updatedAt", void 0);
class ApplicationPageDto {
    items;
    nextCursor;
}
exports.ApplicationPageDto = ApplicationPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ApplicationListItemDto] }),
    __metadata("design:type", Array)
], ApplicationPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], ApplicationPageDto.prototype, "nextCursor", void 0);
//# sourceMappingURL=applications.dto.js.map