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
exports.AwardPageDto = exports.AwardDto = exports.ListAwardsQueryDto = exports.CreateAwardDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const pagination_dto_1 = require("../http/pagination.dto");
const applications_dto_1 = require("./applications.dto");
const programmes_dto_1 = require("./programmes.dto");
class CreateAwardDto {
    applicationId;
    travelGrantMinor;
    includesRegistration;
}
exports.CreateAwardDto = CreateAwardDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreateAwardDto.prototype, "applicationId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ default: 0, minimum: 0, description: 'Travel grant in the programme’s minor units; at most its cap, and within what is left of its budget' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(programmes_dto_1.MAX_MINOR),
    __metadata("design:type", Number)
], CreateAwardDto.prototype, "travelGrantMinor", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'A free registration of the programme’s ticket type; default: whenever the programme offers one' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateAwardDto.prototype, "includesRegistration", void 0);
class ListAwardsQueryDto extends pagination_dto_1.PageQueryDto {
    programmeId;
    state;
}
exports.ListAwardsQueryDto = ListAwardsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'uuid' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ListAwardsQueryDto.prototype, "programmeId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.ScholarshipAwardState }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.ScholarshipAwardState),
    __metadata("design:type", String)
], ListAwardsQueryDto.prototype, "state", void 0);
class AwardDto {
    id;
    programmeId;
    programmeKey;
    applicationId;
    state;
    travelGrantMinor;
    currency;
    includesRegistration;
    registrationId;
    offeredAt;
    respondedAt;
    revokedAt;
    recipient;
}
exports.AwardDto = AwardDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], AwardDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], AwardDto.prototype, "programmeId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AwardDto.prototype, "programmeKey", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], AwardDto.prototype, "applicationId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ScholarshipAwardState, description: 'OFFERED and ACCEPTED count against the budget' }),
    __metadata("design:type", String)
], AwardDto.prototype, "state", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Minor units of `currency`' }),
    __metadata("design:type", Number)
], AwardDto.prototype, "travelGrantMinor", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], AwardDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], AwardDto.prototype, "includesRegistration", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'uuid', nullable: true, type: String, description: 'The free registration, while it exists' }),
    __metadata("design:type", Object)
], AwardDto.prototype, "registrationId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], AwardDto.prototype, "offeredAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'date-time', nullable: true, type: String }),
    __metadata("design:type", Object)
], AwardDto.prototype, "respondedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ format: 'date-time', nullable: true, type: String }),
    __metadata("design:type", Object)
], AwardDto.prototype, "revokedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: applications_dto_1.ApplicantDto, description: 'Organisers and committee only' }),
    __metadata("design:type", applications_dto_1.ApplicantDto)
], AwardDto.prototype, "recipient", void 0);
class AwardPageDto {
    items;
    nextCursor;
}
exports.AwardPageDto = AwardPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AwardDto] }),
    __metadata("design:type", Array)
], AwardPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], AwardPageDto.prototype, "nextCursor", void 0);
//# sourceMappingURL=awards.dto.js.map