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
exports.MyRegistrationDto = exports.EventRefDto = exports.RegistrationPageDto = exports.RegistrationDto = exports.RegistrationListItemDto = exports.RegistrationSummaryDto = exports.SelfDescribedDto = exports.TicketTypeRefDto = exports.ListRegistrationsQueryDto = exports.UpdateRegistrationDto = exports.CreateRegistrationDto = exports.SELF_DESCRIBED_FIELDS = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const pagination_dto_1 = require("../http/pagination.dto");
const upper = ({ value }) => (typeof value === 'string' ? value.toUpperCase() : value);
const trim = ({ value }) => (typeof value === 'string' ? value.trim() : value);
const CONSENT_NOTE = 'Stored only when consentToReport is true; used only in aggregate in the transparency report.';
/** Optional self-described data; sending any of it without consentToReport: true is refused. */
class SelfDescribedInputDto {
    consentToReport;
    country;
    companyName;
    companySize;
    jobFunction;
    industry;
    firstTimeAttendee;
    gender;
}
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        description: 'Consent to use the self-described fields in aggregate reporting. Withdrawing it erases them.',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], SelfDescribedInputDto.prototype, "consentToReport", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'CN', description: `ISO 3166-1 alpha-2. ${CONSENT_NOTE}`, nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsISO31661Alpha2)(),
    __metadata("design:type", Object)
], SelfDescribedInputDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: CONSENT_NOTE, nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", Object)
], SelfDescribedInputDto.prototype, "companyName", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.CompanySize, description: `Employees. ${CONSENT_NOTE}`, nullable: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.CompanySize),
    __metadata("design:type", Object)
], SelfDescribedInputDto.prototype, "companySize", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.JobFunction, description: CONSENT_NOTE, nullable: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.JobFunction),
    __metadata("design:type", Object)
], SelfDescribedInputDto.prototype, "jobFunction", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.Industry, description: CONSENT_NOTE, nullable: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.Industry),
    __metadata("design:type", Object)
], SelfDescribedInputDto.prototype, "industry", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: `First time at an edition of this series. ${CONSENT_NOTE}`, nullable: true, type: Boolean }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Object)
], SelfDescribedInputDto.prototype, "firstTimeAttendee", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.Gender, description: CONSENT_NOTE, nullable: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.Gender),
    __metadata("design:type", Object)
], SelfDescribedInputDto.prototype, "gender", void 0);
exports.SELF_DESCRIBED_FIELDS = [
    'country',
    'companyName',
    'companySize',
    'jobFunction',
    'industry',
    'firstTimeAttendee',
    'gender',
];
class CreateRegistrationDto extends SelfDescribedInputDto {
    ticketTypeId;
    attendeeName;
    attendeeEmail;
    voucherCode;
    waitlist;
}
exports.CreateRegistrationDto = CreateRegistrationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreateRegistrationDto.prototype, "ticketTypeId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Ada Lovelace' }),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateRegistrationDto.prototype, "attendeeName", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Defaults to the account’s e-mail address' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEmail)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], CreateRegistrationDto.prototype, "attendeeEmail", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'SPEAKER-2019', description: 'Unlocks a hidden ticket type and/or a discount' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(40),
    __metadata("design:type", String)
], CreateRegistrationDto.prototype, "voucherCode", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Join the waiting list instead of being refused when sold out' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateRegistrationDto.prototype, "waitlist", void 0);
class UpdateRegistrationDto extends SelfDescribedInputDto {
    attendeeName;
    attendeeEmail;
}
exports.UpdateRegistrationDto = UpdateRegistrationDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(trim),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateRegistrationDto.prototype, "attendeeName", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEmail)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], UpdateRegistrationDto.prototype, "attendeeEmail", void 0);
class ListRegistrationsQueryDto extends pagination_dto_1.PageQueryDto {
    state;
    ticketTypeId;
    q;
}
exports.ListRegistrationsQueryDto = ListRegistrationsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.RegistrationState }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.RegistrationState),
    __metadata("design:type", String)
], ListRegistrationsQueryDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'uuid' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ListRegistrationsQueryDto.prototype, "ticketTypeId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Part of the attendee’s name or e-mail' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], ListRegistrationsQueryDto.prototype, "q", void 0);
class TicketTypeRefDto {
    id;
    name;
    nameZh;
    category;
    attendance;
}
exports.TicketTypeRefDto = TicketTypeRefDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], TicketTypeRefDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TicketTypeRefDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], TicketTypeRefDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.TicketCategory }),
    __metadata("design:type", String)
], TicketTypeRefDto.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.Attendance }),
    __metadata("design:type", String)
], TicketTypeRefDto.prototype, "attendance", void 0);
class SelfDescribedDto {
    country;
    companyName;
    companySize;
    jobFunction;
    industry;
    firstTimeAttendee;
    gender;
}
exports.SelfDescribedDto = SelfDescribedDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "companyName", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, enum: enums_1.CompanySize }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "companySize", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, enum: enums_1.JobFunction }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "jobFunction", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, enum: enums_1.Industry }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "industry", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Boolean }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "firstTimeAttendee", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, enum: enums_1.Gender }),
    __metadata("design:type", Object)
], SelfDescribedDto.prototype, "gender", void 0);
/** What organisers see: never the self-described fields or the badge token. */
class RegistrationSummaryDto {
    id;
    ticketType;
    state;
    attendeeName;
    attendeeEmail;
    priceCents;
    currency;
    paidAt;
    waitlistedAt;
    offerExpiresAt;
    confirmedAt;
    cancelledAt;
    cancelReason;
    createdAt;
}
exports.RegistrationSummaryDto = RegistrationSummaryDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], RegistrationSummaryDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: TicketTypeRefDto }),
    __metadata("design:type", TicketTypeRefDto)
], RegistrationSummaryDto.prototype, "ticketType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.RegistrationState }),
    __metadata("design:type", String)
], RegistrationSummaryDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RegistrationSummaryDto.prototype, "attendeeName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RegistrationSummaryDto.prototype, "attendeeEmail", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Amount due in minor currency units' }),
    __metadata("design:type", Number)
], RegistrationSummaryDto.prototype, "priceCents", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RegistrationSummaryDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], RegistrationSummaryDto.prototype, "paidAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], RegistrationSummaryDto.prototype, "waitlistedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time', description: 'A waiting-list offer open until then' }),
    __metadata("design:type", Object)
], RegistrationSummaryDto.prototype, "offerExpiresAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], RegistrationSummaryDto.prototype, "confirmedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], RegistrationSummaryDto.prototype, "cancelledAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, enum: enums_1.CancelReason }),
    __metadata("design:type", Object)
], RegistrationSummaryDto.prototype, "cancelReason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], RegistrationSummaryDto.prototype, "createdAt", void 0);
class RegistrationListItemDto extends RegistrationSummaryDto {
    checkIns;
}
exports.RegistrationListItemDto = RegistrationListItemDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Days checked in' }),
    __metadata("design:type", Number)
], RegistrationListItemDto.prototype, "checkIns", void 0);
/** What the attendee sees of their own registration. */
class RegistrationDto extends RegistrationSummaryDto {
    eventId;
    badgeToken;
    consentToReport;
    selfDescribed;
}
exports.RegistrationDto = RegistrationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], RegistrationDto.prototype, "eventId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, description: 'Shown at check-in; only while confirmed' }),
    __metadata("design:type", Object)
], RegistrationDto.prototype, "badgeToken", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], RegistrationDto.prototype, "consentToReport", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: SelfDescribedDto }),
    __metadata("design:type", Object)
], RegistrationDto.prototype, "selfDescribed", void 0);
class RegistrationPageDto {
    items;
    nextCursor;
}
exports.RegistrationPageDto = RegistrationPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RegistrationListItemDto] }),
    __metadata("design:type", Array)
], RegistrationPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], RegistrationPageDto.prototype, "nextCursor", void 0);
class EventRefDto {
    slug;
    name;
    nameZh;
}
exports.EventRefDto = EventRefDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], EventRefDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], EventRefDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], EventRefDto.prototype, "nameZh", void 0);
class MyRegistrationDto extends RegistrationDto {
    event;
}
exports.MyRegistrationDto = MyRegistrationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: EventRefDto }),
    __metadata("design:type", EventRefDto)
], MyRegistrationDto.prototype, "event", void 0);
//# sourceMappingURL=registrations.dto.js.map