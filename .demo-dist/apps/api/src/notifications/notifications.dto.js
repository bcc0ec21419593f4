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
exports.NotificationSummaryDto = exports.NotificationPageDto = exports.NotificationDto = exports.ListNotificationsQueryDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const message_context_1 = require("../../../../libs/mail/message-context");
const pagination_dto_1 = require("../http/pagination.dto");
class ListNotificationsQueryDto extends pagination_dto_1.PageQueryDto {
    status;
}
exports.ListNotificationsQueryDto = ListNotificationsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: enums_1.NotificationStatus, description: 'Only messages in this state' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(enums_1.NotificationStatus),
    __metadata("design:type", String)
], ListNotificationsQueryDto.prototype, "status", void 0);
class NotificationDto {
    id;
    template;
    subject;
    recipientEmail;
    recipientName;
    language;
    status;
    attempts;
    generation;
    lastError;
    createdAt;
    sentAt;
    failedAt;
}
exports.NotificationDto = NotificationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], NotificationDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: message_context_1.MESSAGE_TEMPLATES, description: 'Which message this is' }),
    __metadata("design:type", String)
], NotificationDto.prototype, "template", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, description: 'The subject, in the recipient’s language' }),
    __metadata("design:type", Object)
], NotificationDto.prototype, "subject", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], NotificationDto.prototype, "recipientEmail", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], NotificationDto.prototype, "recipientName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'zh-CN' }),
    __metadata("design:type", String)
], NotificationDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        enum: enums_1.NotificationStatus,
        description: 'PENDING (waiting or retrying), SENDING, SENT, or FAILED (permanently; see lastError)',
    }),
    __metadata("design:type", String)
], NotificationDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Send attempts of the current generation' }),
    __metadata("design:type", Number)
], NotificationDto.prototype, "attempts", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: '1, plus one per resend' }),
    __metadata("design:type", Number)
], NotificationDto.prototype, "generation", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, description: 'The last SMTP error, e.g. "EENVELOPE 550: ..."' }),
    __metadata("design:type", Object)
], NotificationDto.prototype, "lastError", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time' }),
    __metadata("design:type", Date)
], NotificationDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time', description: 'When it was last sent' }),
    __metadata("design:type", Object)
], NotificationDto.prototype, "sentAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], NotificationDto.prototype, "failedAt", void 0);
class NotificationPageDto {
    items;
    nextCursor;
}
exports.NotificationPageDto = NotificationPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [NotificationDto] }),
    __metadata("design:type", Array)
], NotificationPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ nullable: true, type: String }),
    __metadata("design:type", Object)
], NotificationPageDto.prototype, "nextCursor", void 0);
class NotificationSummaryDto {
    pending;
    sending;
    sent;
    failed;
}
exports.NotificationSummaryDto = NotificationSummaryDto;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], NotificationSummaryDto.prototype, "pending", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], NotificationSummaryDto.prototype, "sending", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], NotificationSummaryDto.prototype, "sent", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], NotificationSummaryDto.prototype, "failed", void 0);
//# sourceMappingURL=notifications.dto.js.map