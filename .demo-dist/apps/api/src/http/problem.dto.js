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
exports.ProblemDto = exports.FieldProblemDto = void 0;
exports.ApiProblems = ApiProblems;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
class FieldProblemDto {
    field;
    code;
    message;
}
exports.FieldProblemDto = FieldProblemDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'title' }),
    __metadata("design:type", String)
], FieldProblemDto.prototype, "field", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'isNotEmpty' }),
    __metadata("design:type", String)
], FieldProblemDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'title must not be empty.' }),
    __metadata("design:type", String)
], FieldProblemDto.prototype, "message", void 0);
class ProblemDto {
    type;
    title;
    status;
    detail;
    code;
    instance;
    requestId;
    errors;
}
exports.ProblemDto = ProblemDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'urn:lectern:problem:validation-failed' }),
    __metadata("design:type", String)
], ProblemDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Invalid request' }),
    __metadata("design:type", String)
], ProblemDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 400 }),
    __metadata("design:type", Number)
], ProblemDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Some fields are missing or invalid; see errors for each field.' }),
    __metadata("design:type", String)
], ProblemDto.prototype, "detail", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' }),
    __metadata("design:type", String)
], ProblemDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '/v1/events' }),
    __metadata("design:type", String)
], ProblemDto.prototype, "instance", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Echoes the x-request-id response header' }),
    __metadata("design:type", String)
], ProblemDto.prototype, "requestId", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: [FieldProblemDto] }),
    __metadata("design:type", Array)
], ProblemDto.prototype, "errors", void 0);
const DESCRIPTIONS = {
    400: 'Invalid input (problem+json with per-field errors)',
    401: 'Missing, invalid or expired bearer token',
    403: 'Signed in, but without a role that allows this',
    404: 'Not found',
    409: 'Conflicts with the current state',
    413: 'Request body too large',
    429: 'Too many requests; see Retry-After',
};
/** Documents the problem+json responses a route can return. */
function ApiProblems(...statuses) {
    return (0, common_1.applyDecorators)(...statuses.map((status) => (0, swagger_1.ApiResponse)({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: (0, swagger_1.getSchemaPath)(ProblemDto) } } },
    })));
}
//# sourceMappingURL=problem.dto.js.map