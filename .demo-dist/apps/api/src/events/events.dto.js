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
exports.AuditPageDto = exports.AuditEntryDto = exports.RoleGrantDto = exports.GrantRoleDto = exports.EventPageDto = exports.EventDto = exports.ListEventsQueryDto = exports.UpdateEventDto = exports.CreateEventDto = exports.SeriesDto = exports.CreateSeriesDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const pagination_dto_1 = require("../http/pagination.dto");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const upper = ({ value }) => (typeof value === 'string' ? value.toUpperCase() : value);
class CreateSeriesDto {
    slug;
    name;
    nameZh;
}
exports.CreateSeriesDto = CreateSeriesDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'kubecon-china', pattern: SLUG.source }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(80),
    __metadata("design:type", String)
], CreateSeriesDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'KubeCon + CloudNativeCon China' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateSeriesDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'KubeCon + CloudNativeCon 中国' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateSeriesDto.prototype, "nameZh", void 0);
class SeriesDto {
    id;
    slug;
    name;
    nameZh;
}
exports.SeriesDto = SeriesDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], SeriesDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SeriesDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SeriesDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], SeriesDto.prototype, "nameZh", void 0);
class CreateEventDto {
    seriesSlug;
    slug;
    name;
    nameZh;
    city;
    country;
    venue;
    timezone;
    startsAt;
    endsAt;
    format;
    capacity;
    parentEventSlug;
}
exports.CreateEventDto = CreateEventDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'kubecon-china' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(80),
    __metadata("design:type", String)
], CreateEventDto.prototype, "seriesSlug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'kubecon-china-2019', pattern: SLUG.source }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(80),
    __metadata("design:type", String)
], CreateEventDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'KubeCon + CloudNativeCon + Open Source Summit China 2019' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateEventDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'KubeCon + CloudNativeCon + 开源峰会中国 2019' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateEventDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Shanghai' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(120),
    __metadata("design:type", String)
], CreateEventDto.prototype, "city", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'CN', description: 'ISO 3166-1 alpha-2' }),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsISO31661Alpha2)(),
    __metadata("design:type", String)
], CreateEventDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Shanghai Expo Centre' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateEventDto.prototype, "venue", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Asia/Shanghai', description: 'IANA time zone; CFP deadlines are shown in it' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(64),
    __metadata("design:type", String)
], CreateEventDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time', example: '2019-06-24T01:00:00Z' }),
    (0, class_validator_1.IsISO8601)({ strict: true }),
    __metadata("design:type", String)
], CreateEventDto.prototype, "startsAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time', example: '2019-06-26T10:00:00Z' }),
    (0, class_validator_1.IsISO8601)({ strict: true }),
    __metadata("design:type", String)
], CreateEventDto.prototype, "endsAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.EventFormat }),
    (0, class_validator_1.IsEnum)(enums_1.EventFormat),
    __metadata("design:type", String)
], CreateEventDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 0, description: 'Seats for in-person attendees' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1_000_000),
    __metadata("design:type", Number)
], CreateEventDto.prototype, "capacity", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Slug of the edition this co-located event belongs to' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(SLUG),
    (0, class_validator_1.MaxLength)(80),
    __metadata("design:type", String)
], CreateEventDto.prototype, "parentEventSlug", void 0);
class UpdateEventDto {
    name;
    nameZh;
    city;
    country;
    venue;
    timezone;
    startsAt;
    endsAt;
    format;
    capacity;
    status;
}
exports.UpdateEventDto = UpdateEventDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateEventDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateEventDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(120),
    __metadata("design:type", String)
], UpdateEventDto.prototype, "city", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsISO31661Alpha2)(),
    __metadata("design:type", String)
], UpdateEventDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateEventDto.prototype, "venue", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(64),
    __metadata("design:type", String)
], UpdateEventDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'date-time' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsISO8601)({ strict: true }),
    __metadata("design:type", String)
], UpdateEventDto.prototype, "startsAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'date-time' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsISO8601)({ strict: true }),
    __metadata("design:type", String)
], UpdateEventDto.prototype, "endsAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.EventFormat }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.EventFormat),
    __metadata("design:type", String)
], UpdateEventDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(1_000_000),
    __metadata("design:type", Number)
], UpdateEventDto.prototype, "capacity", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        enum: enums_1.EventStatus,
        description: 'DRAFT → PUBLISHED | CANCELLED; PUBLISHED → POSTPONED | CANCELLED | COMPLETED; POSTPONED → PUBLISHED | CANCELLED',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.EventStatus),
    __metadata("design:type", String)
], UpdateEventDto.prototype, "status", void 0);
class ListEventsQueryDto extends pagination_dto_1.PageQueryDto {
    series;
    status;
}
exports.ListEventsQueryDto = ListEventsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Only editions of this series' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(80),
    __metadata("design:type", String)
], ListEventsQueryDto.prototype, "series", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.EventStatus }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.EventStatus),
    __metadata("design:type", String)
], ListEventsQueryDto.prototype, "status", void 0);
class EventDto {
    id;
    slug;
    name;
    nameZh;
    series;
    parentEventSlug;
    city;
    country;
    venue;
    timezone;
    startsAt;
    endsAt;
    format;
    capacity;
    status;
}
exports.EventDto = EventDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], EventDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], EventDto.prototype, "slug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], EventDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], EventDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: SeriesDto }),
    __metadata("design:type", SeriesDto)
], EventDto.prototype, "series", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], EventDto.prototype, "parentEventSlug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], EventDto.prototype, "city", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], EventDto.prototype, "country", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], EventDto.prototype, "venue", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], EventDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], EventDto.prototype, "startsAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], EventDto.prototype, "endsAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.EventFormat }),
    __metadata("design:type", String)
], EventDto.prototype, "format", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    __metadata("design:type", Object)
], EventDto.prototype, "capacity", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.EventStatus }),
    __metadata("design:type", String)
], EventDto.prototype, "status", void 0);
class EventPageDto {
    items;
    nextCursor;
}
exports.EventPageDto = EventPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [EventDto] }),
    __metadata("design:type", Array)
], EventPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], EventPageDto.prototype, "nextCursor", void 0);
class GrantRoleDto {
    email;
    role;
}
exports.GrantRoleDto = GrantRoleDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'reviewer@example.org' }),
    (0, class_validator_1.IsEmail)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], GrantRoleDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.EventRole }),
    (0, class_validator_1.IsEnum)(enums_1.EventRole),
    __metadata("design:type", String)
], GrantRoleDto.prototype, "role", void 0);
class RoleGrantDto {
    id;
    role;
    userId;
    email;
    name;
    createdAt;
}
exports.RoleGrantDto = RoleGrantDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], RoleGrantDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.EventRole }),
    __metadata("design:type", String)
], RoleGrantDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], RoleGrantDto.prototype, "userId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RoleGrantDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RoleGrantDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], RoleGrantDto.prototype, "createdAt", void 0);
class AuditEntryDto {
    id;
    action;
    entityType;
    entityId;
    before;
    after;
    requestId;
    createdAt;
    actor;
}
exports.AuditEntryDto = AuditEntryDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditEntryDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditEntryDto.prototype, "action", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditEntryDto.prototype, "entityType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AuditEntryDto.prototype, "entityId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true }),
    __metadata("design:type", Object)
], AuditEntryDto.prototype, "before", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true }),
    __metadata("design:type", Object)
], AuditEntryDto.prototype, "after", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditEntryDto.prototype, "requestId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], AuditEntryDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, description: '{ id, email, name } of who did it' }),
    __metadata("design:type", Object)
], AuditEntryDto.prototype, "actor", void 0);
class AuditPageDto {
    items;
    nextCursor;
}
exports.AuditPageDto = AuditPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AuditEntryDto] }),
    __metadata("design:type", Array)
], AuditPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditPageDto.prototype, "nextCursor", void 0);
//# sourceMappingURL=events.dto.js.map