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
exports.EventsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const pagination_dto_1 = require("../http/pagination.dto");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const event_access_guard_1 = require("./event-access.guard");
const events_dto_1 = require("./events.dto");
const events_service_1 = require("./events.service");
let EventsController = class EventsController {
    events;
    constructor(events) {
        this.events = events;
    }
    createSeries(actor, body) {
        return this.events.createSeries(actor, body);
    }
    listSeries() {
        return this.events.listSeries();
    }
    createEvent(actor, body) {
        return this.events.createEvent(actor, body);
    }
    list(query) {
        return this.events.list(query);
    }
    get(slug, user) {
        return this.events.get(slug, user);
    }
    update(actor, access, body) {
        return this.events.update(actor, access, body);
    }
    listRoles(access) {
        return this.events.listRoles(access);
    }
    grantRole(actor, access, body) {
        return this.events.grantRole(actor, access, body);
    }
    async revokeRole(actor, access, grantId) {
        await this.events.revokeRole(actor, access, grantId);
    }
    auditLog(access, query) {
        return this.events.auditLog(access, query.limit, query.cursor);
    }
};
exports.EventsController = EventsController;
__decorate([
    (0, common_1.Post)('series'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiOperation)({ summary: 'Create an event series', description: 'Administrators only.' }),
    (0, swagger_1.ApiCreatedResponse)({ type: events_dto_1.SeriesDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, events_dto_1.CreateSeriesDto]),
    __metadata("design:returntype", void 0)
], EventsController.prototype, "createSeries", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('series'),
    (0, swagger_1.ApiOperation)({ summary: 'List event series', description: 'Anyone may call this.' }),
    (0, swagger_1.ApiOkResponse)({ type: [events_dto_1.SeriesDto] }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], EventsController.prototype, "listSeries", null);
__decorate([
    (0, common_1.Post)('events'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiOperation)({
        summary: 'Create an edition of a series',
        description: 'Administrators, or organisers of another edition of the same series. The creator becomes its organiser.',
    }),
    (0, swagger_1.ApiCreatedResponse)({ type: events_dto_1.EventDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, events_dto_1.CreateEventDto]),
    __metadata("design:returntype", void 0)
], EventsController.prototype, "createEvent", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('events'),
    (0, swagger_1.ApiOperation)({ summary: 'List published editions, newest first', description: 'Anyone may call this. Drafts are not listed.' }),
    (0, swagger_1.ApiOkResponse)({ type: events_dto_1.EventPageDto }),
    (0, problem_dto_1.ApiProblems)(400),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [events_dto_1.ListEventsQueryDto]),
    __metadata("design:returntype", void 0)
], EventsController.prototype, "list", null);
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('events/:slug'),
    (0, swagger_1.ApiOperation)({
        summary: 'One edition',
        description: 'Anyone may read a published edition; a draft only administrators and people with a role in it.',
    }),
    (0, swagger_1.ApiOkResponse)({ type: events_dto_1.EventDto }),
    (0, problem_dto_1.ApiProblems)(404),
    __param(0, (0, common_1.Param)('slug')),
    __param(1, (0, auth_decorators_1.OptionalUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", void 0)
], EventsController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)('events/:slug'),
    (0, event_access_guard_1.RequireEventRole)('Update an edition (details and status)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: events_dto_1.EventDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, events_dto_1.UpdateEventDto]),
    __metadata("design:returntype", void 0)
], EventsController.prototype, "update", null);
__decorate([
    (0, common_1.Get)('events/:slug/roles'),
    (0, event_access_guard_1.RequireEventRole)('List who holds which role in the edition', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: [events_dto_1.RoleGrantDto] }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], EventsController.prototype, "listRoles", null);
__decorate([
    (0, common_1.Post)('events/:slug/roles'),
    (0, event_access_guard_1.RequireEventRole)('Grant a role to a user by e-mail (idempotent)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: events_dto_1.RoleGrantDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, events_dto_1.GrantRoleDto]),
    __metadata("design:returntype", void 0)
], EventsController.prototype, "grantRole", null);
__decorate([
    (0, common_1.Delete)('events/:slug/roles/:grantId'),
    (0, common_1.HttpCode)(204),
    (0, event_access_guard_1.RequireEventRole)('Revoke a role grant', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiNoContentResponse)(),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('grantId', (0, uuid_pipe_1.uuidParam)('grantId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", Promise)
], EventsController.prototype, "revokeRole", null);
__decorate([
    (0, common_1.Get)('events/:slug/audit'),
    (0, event_access_guard_1.RequireEventRole)('The edition’s audit log, newest first', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: events_dto_1.AuditPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, pagination_dto_1.PageQueryDto]),
    __metadata("design:returntype", void 0)
], EventsController.prototype, "auditLog", null);
exports.EventsController = EventsController = __decorate([
    (0, swagger_1.ApiTags)('events'),
    (0, common_1.Controller)({ version: '1' }),
    __metadata("design:paramtypes", [events_service_1.EventsService])
], EventsController);
//# sourceMappingURL=events.controller.js.map