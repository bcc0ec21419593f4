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
exports.ProgrammeTotalsDto = exports.ProgrammeDto = exports.ProgrammeTicketTypeDto = exports.UpdateProgrammeDto = exports.CreateProgrammeDto = exports.MAX_MINOR = exports.DATE_TIME = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
/** An instant (`Z` or `+08:00`) or a wall-clock time read in the event's time zone. */
exports.DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME_DOC = 'ISO 8601. With an offset (Z, +08:00) it is an instant; without one it is read in the event’s time zone.';
const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CURRENCY = /^[A-Z]{3}$/;
const upper = ({ value }) => (typeof value === 'string' ? value.toUpperCase() : value);
/** Amounts are whole minor units (cents, fen) and stay within Postgres' integer. */
exports.MAX_MINOR = 1_000_000_000;
class CreateProgrammeDto {
    key;
    name;
    nameZh;
    description;
    kind;
    opensAt;
    closesAt;
    currency;
    budgetMinor;
    travelCapMinor;
    ticketTypeId;
    reviewsPerApplication;
}
exports.CreateProgrammeDto = CreateProgrammeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'diversity', pattern: KEY.source, description: 'Stable per edition; the transparency report groups by it' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(KEY),
    (0, class_validator_1.MaxLength)(60),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "key", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Diversity scholarship' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '多样性奖学金' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(5000),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ScholarshipKind }),
    (0, class_validator_1.IsEnum)(enums_1.ScholarshipKind),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-01-10T00:00:00', description: `${DATE_TIME_DOC} Applications are accepted from then on.` }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(exports.DATE_TIME),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "opensAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-02-28T23:59:59', description: `${DATE_TIME_DOC} Applications can be sent and edited until then.` }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(exports.DATE_TIME),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "closesAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD', description: 'ISO 4217 code of every amount of the programme' }),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(CURRENCY),
    __metadata("design:type", String)
], CreateProgrammeDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 30_000_000, minimum: 0, description: 'Total of the travel grants, in minor units' }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(exports.MAX_MINOR),
    __metadata("design:type", Number)
], CreateProgrammeDto.prototype, "budgetMinor", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 150_000, minimum: 0, default: 0, description: 'Most one person may request or be granted for travel, in minor units; 0 = no travel grants' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(exports.MAX_MINOR),
    __metadata("design:type", Number)
], CreateProgrammeDto.prototype, "travelCapMinor", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'uuid', nullable: true, type: String, description: 'Ticket type of the free registration an award can include' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, value) => value !== null),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", Object)
], CreateProgrammeDto.prototype, "ticketTypeId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 3, minimum: 1, maximum: 20, description: 'Committee reviews the balanced assignment gives each application' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(20),
    __metadata("design:type", Number)
], CreateProgrammeDto.prototype, "reviewsPerApplication", void 0);
class UpdateProgrammeDto {
    name;
    nameZh;
    description;
    kind;
    opensAt;
    closesAt;
    currency;
    budgetMinor;
    travelCapMinor;
    ticketTypeId;
    reviewsPerApplication;
}
exports.UpdateProgrammeDto = UpdateProgrammeDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], UpdateProgrammeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, v) => v !== null),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", Object)
], UpdateProgrammeDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, v) => v !== null),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(5000),
    __metadata("design:type", Object)
], UpdateProgrammeDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.ScholarshipKind }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.ScholarshipKind),
    __metadata("design:type", String)
], UpdateProgrammeDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: DATE_TIME_DOC }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(exports.DATE_TIME),
    __metadata("design:type", String)
], UpdateProgrammeDto.prototype, "opensAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: DATE_TIME_DOC }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(exports.DATE_TIME),
    __metadata("design:type", String)
], UpdateProgrammeDto.prototype, "closesAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Only while the programme has no award' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(upper),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(CURRENCY),
    __metadata("design:type", String)
], UpdateProgrammeDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Never below the grants of the awards that count' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(exports.MAX_MINOR),
    __metadata("design:type", Number)
], UpdateProgrammeDto.prototype, "budgetMinor", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(exports.MAX_MINOR),
    __metadata("design:type", Number)
], UpdateProgrammeDto.prototype, "travelCapMinor", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'uuid', nullable: true, type: String }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, v) => v !== null),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", Object)
], UpdateProgrammeDto.prototype, "ticketTypeId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ minimum: 1, maximum: 20 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(20),
    __metadata("design:type", Number)
], UpdateProgrammeDto.prototype, "reviewsPerApplication", void 0);
class ProgrammeTicketTypeDto {
    id;
    name;
    nameZh;
}
exports.ProgrammeTicketTypeDto = ProgrammeTicketTypeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ProgrammeTicketTypeDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ProgrammeTicketTypeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], ProgrammeTicketTypeDto.prototype, "nameZh", void 0);
/** What anyone who can see the event reads: enough to decide whether and when to apply. */
class ProgrammeDto {
    id;
    key;
    name;
    nameZh;
    description;
    kind;
    opensAt;
    closesAt;
    opensAtLocal;
    closesAtLocal;
    timezone;
    isOpen;
    currency;
    travelCapMinor;
    freeRegistration;
    budgetMinor;
    reviewsPerApplication;
}
exports.ProgrammeDto = ProgrammeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "key", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], ProgrammeDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], ProgrammeDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ScholarshipKind }),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ProgrammeDto.prototype, "opensAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], ProgrammeDto.prototype, "closesAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-01-10T00:00:00+08:00' }),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "opensAtLocal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2030-02-28T23:59:59+08:00' }),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "closesAtLocal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Asia/Shanghai' }),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], ProgrammeDto.prototype, "isOpen", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ProgrammeDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Minor units; 0 = the programme grants no travel' }),
    __metadata("design:type", Number)
], ProgrammeDto.prototype, "travelCapMinor", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: ProgrammeTicketTypeDto, nullable: true, description: 'The free registration an award can include' }),
    __metadata("design:type", Object)
], ProgrammeDto.prototype, "freeRegistration", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Organisers and committee only: the total of the travel grants, in minor units' }),
    __metadata("design:type", Number)
], ProgrammeDto.prototype, "budgetMinor", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Organisers and committee only' }),
    __metadata("design:type", Number)
], ProgrammeDto.prototype, "reviewsPerApplication", void 0);
class ProgrammeTotalsDto {
    programmeId;
    key;
    name;
    nameZh;
    kind;
    currency;
    budgetMinor;
    applications;
    withdrawn;
    awards;
    committedMinor;
    grantedMinor;
    remainingMinor;
    registrations;
}
exports.ProgrammeTotalsDto = ProgrammeTotalsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ProgrammeTotalsDto.prototype, "programmeId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ProgrammeTotalsDto.prototype, "key", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ProgrammeTotalsDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], ProgrammeTotalsDto.prototype, "nameZh", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ScholarshipKind }),
    __metadata("design:type", String)
], ProgrammeTotalsDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ProgrammeTotalsDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ProgrammeTotalsDto.prototype, "budgetMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Submitted (not withdrawn) applications' }),
    __metadata("design:type", Number)
], ProgrammeTotalsDto.prototype, "applications", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ProgrammeTotalsDto.prototype, "withdrawn", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { offered: 3, accepted: 12, declined: 1, revoked: 0 } }),
    __metadata("design:type", Object)
], ProgrammeTotalsDto.prototype, "awards", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Grants of offered and accepted awards: what the budget is holding' }),
    __metadata("design:type", Number)
], ProgrammeTotalsDto.prototype, "committedMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Funds granted: the grants of accepted awards' }),
    __metadata("design:type", Number)
], ProgrammeTotalsDto.prototype, "grantedMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'budgetMinor − committedMinor' }),
    __metadata("design:type", Number)
], ProgrammeTotalsDto.prototype, "remainingMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Free registrations of offered and accepted awards' }),
    __metadata("design:type", Number)
], ProgrammeTotalsDto.prototype, "registrations", void 0);
//# sourceMappingURL=programmes.dto.js.map