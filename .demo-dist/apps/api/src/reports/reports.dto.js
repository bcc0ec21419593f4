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
exports.ReportPdfQueryDto = exports.ReportPageDto = exports.ReportDto = exports.ReportJsonDto = exports.ReportFileDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const enums_1 = require("../../../../libs/database/generated/enums");
const i18n_1 = require("../../../../libs/i18n/i18n");
class ReportFileDto {
    language;
    sha256;
    sizeBytes;
    url;
}
exports.ReportFileDto = ReportFileDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: i18n_1.LANGUAGES }),
    __metadata("design:type", String)
], ReportFileDto.prototype, "language", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'SHA-256 of the PDF, hex; also its ETag' }),
    __metadata("design:type", String)
], ReportFileDto.prototype, "sha256", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 412_345 }),
    __metadata("design:type", Number)
], ReportFileDto.prototype, "sizeBytes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '/v1/events/kubecon-china-2019/reports/8f0c…/pdf?lang=zh-CN' }),
    __metadata("design:type", String)
], ReportFileDto.prototype, "url", void 0);
class ReportJsonDto {
    sha256;
    url;
}
exports.ReportJsonDto = ReportJsonDto;
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'SHA-256 of the JSON document, hex; also its ETag' }),
    __metadata("design:type", String)
], ReportJsonDto.prototype, "sha256", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '/v1/events/kubecon-china-2019/reports/8f0c…/json' }),
    __metadata("design:type", String)
], ReportJsonDto.prototype, "url", void 0);
class ReportDto {
    id;
    eventSlug;
    status;
    progress;
    attempts;
    privacyThreshold;
    failureReason;
    lastError;
    requestedAt;
    startedAt;
    finishedAt;
    generatedAt;
    publishedAt;
    files;
    json;
}
exports.ReportDto = ReportDto;
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'uuid' }),
    __metadata("design:type", String)
], ReportDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'kubecon-china-2019' }),
    __metadata("design:type", String)
], ReportDto.prototype, "eventSlug", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: enums_1.ReportStatus }),
    __metadata("design:type", String)
], ReportDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: 0, maximum: 100, description: 'Share of the work done; 100 once SUCCEEDED' }),
    __metadata("design:type", Number)
], ReportDto.prototype, "progress", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ description: 'Runs started so far (a retry or a restart after a crash is one more)' }),
    __metadata("design:type", Number)
], ReportDto.prototype, "attempts", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 5, description: 'Groups of fewer people than this are merged or suppressed' }),
    __metadata("design:type", Number)
], ReportDto.prototype, "privacyThreshold", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, nullable: true, description: 'Why the report failed for good (status FAILED)' }),
    __metadata("design:type", Object)
], ReportDto.prototype, "failureReason", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, nullable: true, description: 'Error of the latest failed run while retries go on' }),
    __metadata("design:type", Object)
], ReportDto.prototype, "lastError", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: String, format: 'date-time' }),
    __metadata("design:type", Date)
], ReportDto.prototype, "requestedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, format: 'date-time', nullable: true }),
    __metadata("design:type", Object)
], ReportDto.prototype, "startedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, format: 'date-time', nullable: true }),
    __metadata("design:type", Object)
], ReportDto.prototype, "finishedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, format: 'date-time', nullable: true, description: 'The instant printed in the report' }),
    __metadata("design:type", Object)
], ReportDto.prototype, "generatedAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, format: 'date-time', nullable: true, description: 'Once set, anyone may download it' }),
    __metadata("design:type", Object)
], ReportDto.prototype, "publishedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ReportFileDto], description: 'One PDF per language edition, once SUCCEEDED' }),
    __metadata("design:type", Array)
], ReportDto.prototype, "files", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: ReportJsonDto, nullable: true, description: 'The machine-readable report, once SUCCEEDED' }),
    __metadata("design:type", Object)
], ReportDto.prototype, "json", void 0);
class ReportPageDto {
    items;
    nextCursor;
}
exports.ReportPageDto = ReportPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ReportDto] }),
    __metadata("design:type", Array)
], ReportPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: String, nullable: true }),
    __metadata("design:type", Object)
], ReportPageDto.prototype, "nextCursor", void 0);
class ReportPdfQueryDto {
    lang;
}
exports.ReportPdfQueryDto = ReportPdfQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: i18n_1.LANGUAGES, default: 'en', description: 'Language edition' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)([...i18n_1.LANGUAGES]),
    __metadata("design:type", String)
], ReportPdfQueryDto.prototype, "lang", void 0);
//# sourceMappingURL=reports.dto.js.map