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
exports.QuotaDto = exports.UpdateQuotaDto = exports.CreateQuotaDto = exports.TicketTypeDto = exports.UpdateTicketTypeDto = exports.CreateTicketTypeDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const upper = ({ value }) => (typeof value === 'string' ? value.toUpperCase() : value);
const CURRENCY = /^[A-Z]{3}$/;
class CreateTicketTypeDto {
    name;
    nameZh;
    category;
    attendance;
    priceCents;
    currency;
    salesStartAt;
    salesEndAt;
    hidden;
}
exports.CreateTicketTypeDto = CreateTicketTypeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'In-person Corporate' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateTicketTypeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '现场参会（企业）' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateTicketTypeDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.TicketCategory }),
    (0, class_validator_1.IsEnum)(enums_1.TicketCategory),
    __metadata("design:type", String)
], CreateTicketTypeDto.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.Attendance, description: 'In-person tickets also count against the event’s capacity' }),
    (0, class_validator_1.IsEnum)(enums_1.Attendance),
    __metadata("design:type", String)
], CreateTicketTypeDto.prototype, "attendance", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 0, default: 0, description: 'Minor currency units; 0 is a free ticket' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(100_000_000),
    __metadata("design:type", Number)
], CreateTicketTypeDto.prototype, "priceCents", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'CNY', default: 'USD', description: 'ISO 4217 code' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(CURRENCY),
    __metadata("design:type", String)
], CreateTicketTypeDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'date-time' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsISO8601)({ strict: true }),
    __metadata("design:type", String)
], CreateTicketTypeDto.prototype, "salesStartAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'date-time' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsISO8601)({ strict: true }),
    __metadata("design:type", String)
], CreateTicketTypeDto.prototype, "salesEndAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: false, description: 'Hidden types are listed to organisers only and sold only with a voucher' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateTicketTypeDto.prototype, "hidden", void 0);
/** Attendance cannot change: registrations already count against the capacity (or not) because of it. */
class UpdateTicketTypeDto {
    name;
    nameZh;
    category;
    priceCents;
    currency;
    salesStartAt;
    salesEndAt;
    hidden;
}
exports.UpdateTicketTypeDto = UpdateTicketTypeDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateTicketTypeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", Object)
], UpdateTicketTypeDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.TicketCategory }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.TicketCategory),
    __metadata("design:type", String)
], UpdateTicketTypeDto.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(100_000_000),
    __metadata("design:type", Number)
], UpdateTicketTypeDto.prototype, "priceCents", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(CURRENCY),
    __metadata("design:type", String)
], UpdateTicketTypeDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsISO8601)({ strict: true }),
    __metadata("design:type", Object)
], UpdateTicketTypeDto.prototype, "salesStartAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsISO8601)({ strict: true }),
    __metadata("design:type", Object)
], UpdateTicketTypeDto.prototype, "salesEndAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], UpdateTicketTypeDto.prototype, "hidden", void 0);
class TicketTypeDto {
    id;
    name;
    nameZh;
    category;
    attendance;
    priceCents;
    currency;
    salesStartAt;
    salesEndAt;
    hidden;
    quotaIds;
    onSale;
    available;
}
exports.TicketTypeDto = TicketTypeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], TicketTypeDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TicketTypeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], TicketTypeDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.TicketCategory }),
    __metadata("design:type", String)
], TicketTypeDto.prototype, "category", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.Attendance }),
    __metadata("design:type", String)
], TicketTypeDto.prototype, "attendance", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], TicketTypeDto.prototype, "priceCents", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], TicketTypeDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], TicketTypeDto.prototype, "salesStartAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], TicketTypeDto.prototype, "salesEndAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], TicketTypeDto.prototype, "hidden", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], description: 'Quotas this type draws on' }),
    __metadata("design:type", Array)
], TicketTypeDto.prototype, "quotaIds", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Inside its sales window now' }),
    __metadata("design:type", Boolean)
], TicketTypeDto.prototype, "onSale", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        nullable: true,
        type: Number,
        description: 'Seats left now (the smallest over its quotas and the capacity); null when unlimited. Advisory: the seat is only taken by registering.',
    }),
    __metadata("design:type", Object)
], TicketTypeDto.prototype, "available", void 0);
class CreateQuotaDto {
    name;
    size;
    ticketTypeIds;
}
exports.CreateQuotaDto = CreateQuotaDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'In-person seats' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateQuotaDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number, minimum: 0, description: 'No size: the quota only counts' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10_000_000),
    __metadata("design:type", Object)
], CreateQuotaDto.prototype, "size", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], description: 'Ticket types of this event that share the quota' }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(100),
    (0, class_validator_1.IsUUID)('all', { each: true }),
    __metadata("design:type", Array)
], CreateQuotaDto.prototype, "ticketTypeIds", void 0);
class UpdateQuotaDto {
    name;
    size;
    ticketTypeIds;
}
exports.UpdateQuotaDto = UpdateQuotaDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateQuotaDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(10_000_000),
    __metadata("design:type", Object)
], UpdateQuotaDto.prototype, "size", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [String] }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(100),
    (0, class_validator_1.IsUUID)('all', { each: true }),
    __metadata("design:type", Array)
], UpdateQuotaDto.prototype, "ticketTypeIds", void 0);
class QuotaDto {
    id;
    name;
    size;
    ticketTypeIds;
    taken;
    held;
    available;
    waiting;
}
exports.QuotaDto = QuotaDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], QuotaDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], QuotaDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    __metadata("design:type", Object)
], QuotaDto.prototype, "size", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    __metadata("design:type", Array)
], QuotaDto.prototype, "ticketTypeIds", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Confirmed and pending registrations' }),
    __metadata("design:type", Number)
], QuotaDto.prototype, "taken", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Seats held by open waiting-list offers' }),
    __metadata("design:type", Number)
], QuotaDto.prototype, "held", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: Number }),
    __metadata("design:type", Object)
], QuotaDto.prototype, "available", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Someone is on the waiting list without an offer' }),
    __metadata("design:type", Boolean)
], QuotaDto.prototype, "waiting", void 0);
//# sourceMappingURL=ticket-types.dto.js.map