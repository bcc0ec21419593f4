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
exports.EventFactPageDto = exports.EventFactDto = exports.UpdateEventFactDto = exports.CreateEventFactDto = exports.MediaAccreditationPageDto = exports.MediaAccreditationDto = exports.UpdateMediaAccreditationDto = exports.CreateMediaAccreditationDto = exports.CommunityPartnerPageDto = exports.CommunityPartnerDto = exports.UpdateCommunityPartnerDto = exports.CreateCommunityPartnerDto = exports.SponsorPageDto = exports.SponsorDto = exports.UpdateSponsorDto = exports.CreateSponsorDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const trim = ({ value }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
/** Optional in a PATCH, but not nullable: null is validated (and refused) instead of skipped as IsOptional would. */
const Absent = () => (0, class_validator_1.ValidateIf)((_, value) => value !== undefined);
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
/** A two- or three-letter ISO 639 language code that Intl knows (en, zh, ja), so the report can name it. */
function IsLanguageCode(options) {
    return (0, class_validator_1.ValidateBy)({
        name: 'isLanguageCode',
        validator: {
            validate: (value) => typeof value === 'string' && /^[a-z]{2,3}$/.test(value) && languageNames.of(value) !== undefined,
        },
    }, options);
}
class CreateSponsorDto {
    name;
    tier;
    website;
}
exports.CreateSponsorDto = CreateSponsorDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Huawei', maxLength: 200 }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateSponsorDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SponsorTier }),
    (0, class_validator_1.IsEnum)(enums_1.SponsorTier),
    __metadata("design:type", String)
], CreateSponsorDto.prototype, "tier", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'https://www.huawei.com', maxLength: 500 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)(URL_OPTIONS),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], CreateSponsorDto.prototype, "website", void 0);
class UpdateSponsorDto {
    name;
    tier;
    website;
}
exports.UpdateSponsorDto = UpdateSponsorDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 200 }),
    Absent(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateSponsorDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.SponsorTier }),
    Absent(),
    (0, class_validator_1.IsEnum)(enums_1.SponsorTier),
    __metadata("design:type", String)
], UpdateSponsorDto.prototype, "tier", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, description: 'null removes it' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)(URL_OPTIONS),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", Object)
], UpdateSponsorDto.prototype, "website", void 0);
class SponsorDto {
    id;
    name;
    tier;
    website;
    createdAt;
    updatedAt;
}
exports.SponsorDto = SponsorDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], SponsorDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SponsorDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.SponsorTier }),
    __metadata("design:type", String)
], SponsorDto.prototype, "tier", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SponsorDto.prototype, "website", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], SponsorDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], SponsorDto.prototype, "updatedAt", void 0);
class SponsorPageDto {
    items;
    nextCursor;
}
exports.SponsorPageDto = SponsorPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [SponsorDto] }),
    __metadata("design:type", Array)
], SponsorPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SponsorPageDto.prototype, "nextCursor", void 0);
class CreateCommunityPartnerDto {
    name;
    website;
}
exports.CreateCommunityPartnerDto = CreateCommunityPartnerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Kubernetes 中文社区', maxLength: 200 }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateCommunityPartnerDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 500 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)(URL_OPTIONS),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], CreateCommunityPartnerDto.prototype, "website", void 0);
class UpdateCommunityPartnerDto {
    name;
    website;
}
exports.UpdateCommunityPartnerDto = UpdateCommunityPartnerDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 200 }),
    Absent(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateCommunityPartnerDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, description: 'null removes it' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)(URL_OPTIONS),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", Object)
], UpdateCommunityPartnerDto.prototype, "website", void 0);
class CommunityPartnerDto {
    id;
    name;
    website;
    createdAt;
    updatedAt;
}
exports.CommunityPartnerDto = CommunityPartnerDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], CommunityPartnerDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], CommunityPartnerDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], CommunityPartnerDto.prototype, "website", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], CommunityPartnerDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], CommunityPartnerDto.prototype, "updatedAt", void 0);
class CommunityPartnerPageDto {
    items;
    nextCursor;
}
exports.CommunityPartnerPageDto = CommunityPartnerPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CommunityPartnerDto] }),
    __metadata("design:type", Array)
], CommunityPartnerPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], CommunityPartnerPageDto.prototype, "nextCursor", void 0);
class CreateMediaAccreditationDto {
    name;
    outlet;
    kind;
    language;
}
exports.CreateMediaAccreditationDto = CreateMediaAccreditationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Li Wei', maxLength: 200 }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateMediaAccreditationDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'InfoQ', maxLength: 200 }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateMediaAccreditationDto.prototype, "outlet", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.MediaKind }),
    (0, class_validator_1.IsEnum)(enums_1.MediaKind),
    __metadata("design:type", String)
], CreateMediaAccreditationDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'zh', description: 'Working language, ISO 639 code (en, zh, ja ...)' }),
    (0, class_transformer_1.Transform)(lower),
    IsLanguageCode(),
    __metadata("design:type", String)
], CreateMediaAccreditationDto.prototype, "language", void 0);
class UpdateMediaAccreditationDto {
    name;
    outlet;
    kind;
    language;
}
exports.UpdateMediaAccreditationDto = UpdateMediaAccreditationDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 200 }),
    Absent(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateMediaAccreditationDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 200 }),
    Absent(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateMediaAccreditationDto.prototype, "outlet", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.MediaKind }),
    Absent(),
    (0, class_validator_1.IsEnum)(enums_1.MediaKind),
    __metadata("design:type", String)
], UpdateMediaAccreditationDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'en' }),
    Absent(),
    (0, class_transformer_1.Transform)(lower),
    IsLanguageCode(),
    __metadata("design:type", String)
], UpdateMediaAccreditationDto.prototype, "language", void 0);
class MediaAccreditationDto {
    id;
    name;
    outlet;
    kind;
    language;
    createdAt;
    updatedAt;
}
exports.MediaAccreditationDto = MediaAccreditationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], MediaAccreditationDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MediaAccreditationDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], MediaAccreditationDto.prototype, "outlet", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.MediaKind }),
    __metadata("design:type", String)
], MediaAccreditationDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'zh' }),
    __metadata("design:type", String)
], MediaAccreditationDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], MediaAccreditationDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], MediaAccreditationDto.prototype, "updatedAt", void 0);
class MediaAccreditationPageDto {
    items;
    nextCursor;
}
exports.MediaAccreditationPageDto = MediaAccreditationPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [MediaAccreditationDto] }),
    __metadata("design:type", Array)
], MediaAccreditationPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], MediaAccreditationPageDto.prototype, "nextCursor", void 0);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
class CreateEventFactDto {
    kind;
    label;
    labelZh;
    value;
    source;
    url;
    publishedOn;
    language;
}
exports.CreateEventFactDto = CreateEventFactDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.EventFactKind, description: 'FIGURE needs a value; PRESS_CLIPPING usually has a source and url' }),
    (0, class_validator_1.IsEnum)(enums_1.EventFactKind),
    __metadata("design:type", String)
], CreateEventFactDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Pieces of media coverage', maxLength: 300, description: 'Headline of a clipping, label of a figure, or the note' }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(300),
    __metadata("design:type", String)
], CreateEventFactDto.prototype, "label", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '条媒体报道', maxLength: 300 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(300),
    __metadata("design:type", String)
], CreateEventFactDto.prototype, "labelZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 184, minimum: 0, description: 'Up to two decimals' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsNumber)({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1_000_000_000_000),
    __metadata("design:type", Number)
], CreateEventFactDto.prototype, "value", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'InfoQ', maxLength: 200 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateEventFactDto.prototype, "source", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'https://www.infoq.cn/article/kubecon-china-2019', maxLength: 2000 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)(URL_OPTIONS),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", String)
], CreateEventFactDto.prototype, "url", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2019-06-27', description: 'Calendar day, YYYY-MM-DD' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(DAY),
    (0, class_validator_1.IsISO8601)({ strict: true }),
    __metadata("design:type", String)
], CreateEventFactDto.prototype, "publishedOn", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'zh', description: 'ISO 639 code' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(lower),
    IsLanguageCode(),
    __metadata("design:type", String)
], CreateEventFactDto.prototype, "language", void 0);
/** Every field may be sent; null clears an optional one. */
class UpdateEventFactDto {
    kind;
    label;
    labelZh;
    value;
    source;
    url;
    publishedOn;
    language;
}
exports.UpdateEventFactDto = UpdateEventFactDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.EventFactKind }),
    Absent(),
    (0, class_validator_1.IsEnum)(enums_1.EventFactKind),
    __metadata("design:type", String)
], UpdateEventFactDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ maxLength: 300 }),
    Absent(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(300),
    __metadata("design:type", String)
], UpdateEventFactDto.prototype, "label", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(300),
    __metadata("design:type", Object)
], UpdateEventFactDto.prototype, "labelZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsNumber)({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1_000_000_000_000),
    __metadata("design:type", Object)
], UpdateEventFactDto.prototype, "value", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", Object)
], UpdateEventFactDto.prototype, "source", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)(URL_OPTIONS),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", Object)
], UpdateEventFactDto.prototype, "url", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(DAY),
    (0, class_validator_1.IsISO8601)({ strict: true }),
    __metadata("design:type", Object)
], UpdateEventFactDto.prototype, "publishedOn", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(lower),
    IsLanguageCode(),
    __metadata("design:type", Object)
], UpdateEventFactDto.prototype, "language", void 0);
class EventFactDto {
    id;
    kind;
    label;
    labelZh;
    value;
    source;
    url;
    publishedOn;
    language;
    enteredByOrganisers;
    createdAt;
    updatedAt;
}
exports.EventFactDto = EventFactDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], EventFactDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.EventFactKind }),
    __metadata("design:type", String)
], EventFactDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], EventFactDto.prototype, "label", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], EventFactDto.prototype, "labelZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    __metadata("design:type", Object)
], EventFactDto.prototype, "value", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], EventFactDto.prototype, "source", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], EventFactDto.prototype, "url", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, example: '2019-06-27' }),
    __metadata("design:type", Object)
], EventFactDto.prototype, "publishedOn", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], EventFactDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Always true: the report marks these as entered by the organisers' }),
    __metadata("design:type", Boolean)
], EventFactDto.prototype, "enteredByOrganisers", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], EventFactDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], EventFactDto.prototype, "updatedAt", void 0);
class EventFactPageDto {
    items;
    nextCursor;
}
exports.EventFactPageDto = EventFactPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [EventFactDto] }),
    __metadata("design:type", Array)
], EventFactPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], EventFactPageDto.prototype, "nextCursor", void 0);
//# sourceMappingURL=facts.dto.js.map