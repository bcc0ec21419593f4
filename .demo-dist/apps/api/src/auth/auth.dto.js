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
exports.MeDto = exports.RoleSummaryDto = exports.SessionDto = exports.UserDto = exports.LogInDto = exports.SignUpDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const i18n_1 = require("../../../../libs/i18n/i18n");
class SignUpDto {
    email;
    password;
    name;
    locale;
}
exports.SignUpDto = SignUpDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ada@example.org', maxLength: 254 }),
    (0, class_validator_1.IsEmail)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], SignUpDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minLength: 12, maxLength: 256, description: 'At least 12 characters' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(12),
    (0, class_validator_1.MaxLength)(256),
    __metadata("design:type", String)
], SignUpDto.prototype, "password", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Ada Lovelace', maxLength: 200 }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], SignUpDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: i18n_1.LANGUAGES, default: 'en', description: 'Language of e-mails sent to this user' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)([...i18n_1.LANGUAGES]),
    __metadata("design:type", String)
], SignUpDto.prototype, "locale", void 0);
class LogInDto {
    email;
    password;
}
exports.LogInDto = LogInDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ada@example.org' }),
    (0, class_validator_1.IsEmail)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], LogInDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    (0, class_validator_1.MaxLength)(256),
    __metadata("design:type", String)
], LogInDto.prototype, "password", void 0);
class UserDto {
    id;
    email;
    name;
    locale;
    isAdmin;
    createdAt;
}
exports.UserDto = UserDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], UserDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], UserDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], UserDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: i18n_1.LANGUAGES }),
    __metadata("design:type", String)
], UserDto.prototype, "locale", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Boolean)
], UserDto.prototype, "isAdmin", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], UserDto.prototype, "createdAt", void 0);
class SessionDto {
    token;
    expiresAt;
    user;
}
exports.SessionDto = SessionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Send as "Authorization: Bearer <token>"' }),
    __metadata("design:type", String)
], SessionDto.prototype, "token", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], SessionDto.prototype, "expiresAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: UserDto }),
    __metadata("design:type", UserDto)
], SessionDto.prototype, "user", void 0);
class RoleSummaryDto {
    eventSlug;
    eventName;
    role;
}
exports.RoleSummaryDto = RoleSummaryDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RoleSummaryDto.prototype, "eventSlug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], RoleSummaryDto.prototype, "eventName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['ORGANISER', 'REVIEWER', 'SCHOLARSHIP_COMMITTEE', 'CHECKIN_STAFF'] }),
    __metadata("design:type", String)
], RoleSummaryDto.prototype, "role", void 0);
class MeDto extends UserDto {
    roles;
}
exports.MeDto = MeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [RoleSummaryDto] }),
    __metadata("design:type", Array)
], MeDto.prototype, "roles", void 0);
//# sourceMappingURL=auth.dto.js.map