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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const event_access_guard_1 = require("../events/event-access.guard");
const auth_decorators_1 = require("../http/auth.decorators");
const pagination_dto_1 = require("../http/pagination.dto");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const reports_dto_1 = require("./reports.dto");
const reports_service_1 = require("./reports.service");
const VISIBILITY = 'Organisers (and administrators) see every report of the edition; anyone else, signed in or not, only published ones.';
function send(reply, download, type, language) {
    void reply.header('etag', download.etag).header('cache-control', download.cacheControl);
    if (download.notModified) {
        void reply.status(304);
        return undefined;
    }
    void reply
        .header('content-type', type)
        .header('content-length', String(download.body.length))
        .header('content-disposition', `inline; filename="${download.filename}"`);
    if (language)
        void reply.header('content-language', language);
    return download.body;
}
let ReportsController = class ReportsController {
    reports;
    constructor(reports) {
        this.reports = reports;
    }
    request(actor, access) {
        return this.reports.request(actor, access);
    }
    list(slug, user, query) {
        return this.reports.list(slug, user, query.limit, query.cursor);
    }
    get(slug, user, id) {
        return this.reports.get(slug, user, id);
    }
    async pdf(slug, user, id, query, ifNoneMatch, reply) {
        const language = query.lang ?? 'en';
        return send(reply, await this.reports.pdf(slug, user, id, language, ifNoneMatch), 'application/pdf', language);
    }
    async json(slug, user, id, ifNoneMatch, reply) {
        return send(reply, await this.reports.json(slug, user, id, ifNoneMatch), 'application/json; charset=utf-8');
    }
    publish(actor, access, id) {
        return this.reports.publish(actor, access, id);
    }
};
exports.ReportsController = ReportsController;
__decorate([
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(202),
    (0, event_access_guard_1.RequireEventRole)('Request the edition’s transparency report; a report already queued or running is returned instead of a second one', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiAcceptedResponse)({ type: reports_dto_1.ReportDto }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", void 0)
], ReportsController.prototype, "request", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'The edition’s reports, newest first', description: VISIBILITY }),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiOkResponse)({ type: reports_dto_1.ReportPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 404),
    __param(0, (0, common_1.Param)('slug')),
    __param(1, (0, auth_decorators_1.OptionalUser)()),
    __param(2, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, pagination_dto_1.PageQueryDto]),
    __metadata("design:returntype", void 0)
], ReportsController.prototype, "list", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)(':reportId'),
    (0, swagger_1.ApiOperation)({ summary: 'A report’s status and progress, and its files once produced', description: VISIBILITY }),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiOkResponse)({ type: reports_dto_1.ReportDto }),
    (0, problem_dto_1.ApiProblems)(400, 404),
    __param(0, (0, common_1.Param)('slug')),
    __param(1, (0, auth_decorators_1.OptionalUser)()),
    __param(2, (0, common_1.Param)('reportId', (0, uuid_pipe_1.uuidParam)('reportId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, String]),
    __metadata("design:returntype", void 0)
], ReportsController.prototype, "get", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)(':reportId/pdf'),
    (0, swagger_1.ApiOperation)({
        summary: 'Download one language edition of a report as PDF (ETag = its SHA-256; 304 on If-None-Match)',
        description: VISIBILITY,
    }),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiHeader)({ name: 'if-none-match', required: false }),
    (0, swagger_1.ApiProduces)('application/pdf'),
    (0, swagger_1.ApiOkResponse)({ description: 'The PDF', schema: { type: 'string', format: 'binary' } }),
    (0, swagger_1.ApiResponse)({ status: 304, description: 'The copy with this ETag is current' }),
    (0, problem_dto_1.ApiProblems)(400, 404, 409),
    __param(0, (0, common_1.Param)('slug')),
    __param(1, (0, auth_decorators_1.OptionalUser)()),
    __param(2, (0, common_1.Param)('reportId', (0, uuid_pipe_1.uuidParam)('reportId'))),
    __param(3, (0, common_1.Query)()),
    __param(4, (0, common_1.Headers)('if-none-match')),
    __param(5, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, String, reports_dto_1.ReportPdfQueryDto, Object, Object]),
    __metadata("design:returntype", Promise)
], ReportsController.prototype, "pdf", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)(':reportId/json'),
    (0, swagger_1.ApiOperation)({
        summary: 'Download the machine-readable report (every number printed in the PDFs; ETag = its SHA-256)',
        description: VISIBILITY,
    }),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiHeader)({ name: 'if-none-match', required: false }),
    (0, swagger_1.ApiOkResponse)({ description: 'The report as JSON (format lectern-transparency-report/1)', schema: { type: 'object' } }),
    (0, swagger_1.ApiResponse)({ status: 304, description: 'The copy with this ETag is current' }),
    (0, problem_dto_1.ApiProblems)(400, 404, 409),
    __param(0, (0, common_1.Param)('slug')),
    __param(1, (0, auth_decorators_1.OptionalUser)()),
    __param(2, (0, common_1.Param)('reportId', (0, uuid_pipe_1.uuidParam)('reportId'))),
    __param(3, (0, common_1.Headers)('if-none-match')),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, String, Object, Object]),
    __metadata("design:returntype", Promise)
], ReportsController.prototype, "json", null);
__decorate([
    (0, common_1.Post)(':reportId/publish'),
    (0, common_1.HttpCode)(200),
    (0, event_access_guard_1.RequireEventRole)('Publish a produced report: from then on anyone may download it (publishing again changes nothing)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: reports_dto_1.ReportDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('reportId', (0, uuid_pipe_1.uuidParam)('reportId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], ReportsController.prototype, "publish", null);
exports.ReportsController = ReportsController = __decorate([
    (0, swagger_1.ApiTags)('reports'),
    (0, common_1.Controller)({ path: 'events/:slug/reports', version: '1' }),
    __metadata("design:paramtypes", [reports_service_1.ReportsService])
], ReportsController);
//# sourceMappingURL=reports.controller.js.map