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
exports.RegistrationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const event_access_guard_1 = require("../events/event-access.guard");
const registrations_dto_1 = require("./registrations.dto");
const registrations_service_1 = require("./registrations.service");
let RegistrationsController = class RegistrationsController {
    registrations;
    constructor(registrations) {
        this.registrations = registrations;
    }
    async create(actor, slug, body, idempotencyKey, reply) {
        const result = await this.registrations.create(actor, slug, body, idempotencyKey);
        void reply.status(result.status).header('content-type', 'application/json; charset=utf-8');
        if (result.replayed)
            void reply.header('idempotent-replayed', 'true');
        return result.body;
    }
    list(access, query) {
        return this.registrations.list(access, query);
    }
    exportCsv(access, query) {
        return this.registrations.exportCsv(access, query);
    }
    mine(actor, slug) {
        return this.registrations.mine(actor, slug);
    }
    listMine(actor) {
        return this.registrations.listMine(actor);
    }
    get(actor, slug, id) {
        return this.registrations.get(actor, slug, id);
    }
    update(actor, slug, id, body) {
        return this.registrations.update(actor, slug, id, body);
    }
    cancel(actor, slug, id) {
        return this.registrations.cancel(actor, slug, id);
    }
    acceptOffer(actor, slug, id) {
        return this.registrations.acceptOffer(actor, slug, id);
    }
    markPaid(actor, access, id) {
        return this.registrations.markPaid(actor, access, id);
    }
};
exports.RegistrationsController = RegistrationsController;
__decorate([
    (0, common_1.Post)('events/:slug/registrations'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiHeader)({
        name: 'Idempotency-Key',
        required: false,
        description: 'Retry-safe creation: the same key and body return the stored response (Idempotent-Replayed: true); ' +
            'the same key with another body is a 422; while the first request is still running, a 409.',
    }),
    (0, swagger_1.ApiOperation)({
        summary: 'Register for an event',
        description: 'Any signed-in user, once per event. Sold out: 409 SOLD_OUT, or a waiting-list entry (state WAITLISTED) ' +
            'when `waitlist` is true.',
    }),
    (0, swagger_1.ApiCreatedResponse)({ type: registrations_dto_1.RegistrationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409, 422, 503),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('slug')),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Headers)('idempotency-key')),
    __param(4, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, registrations_dto_1.CreateRegistrationDto, Object, Object]),
    __metadata("design:returntype", Promise)
], RegistrationsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)('events/:slug/registrations'),
    (0, event_access_guard_1.RequireEventRole)('Registrations, oldest first, filtered by state, ticket type or name/e-mail', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: registrations_dto_1.RegistrationPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, registrations_dto_1.ListRegistrationsQueryDto]),
    __metadata("design:returntype", void 0)
], RegistrationsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('events/:slug/registrations/export.csv'),
    (0, event_access_guard_1.RequireEventRole)('Registrations as CSV (same filters as the list; no self-described data)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiProduces)('text/csv'),
    (0, common_1.Header)('content-type', 'text/csv; charset=utf-8'),
    (0, common_1.Header)('content-disposition', 'attachment; filename="registrations.csv"'),
    (0, swagger_1.ApiOkResponse)({ description: 'RFC 4180 CSV', schema: { type: 'string' } }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, registrations_dto_1.ListRegistrationsQueryDto]),
    __metadata("design:returntype", void 0)
], RegistrationsController.prototype, "exportCsv", null);
__decorate([
    (0, common_1.Get)('events/:slug/registrations/me'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiOperation)({ summary: 'My registration for this event (the newest)', description: 'The signed-in attendee.' }),
    (0, swagger_1.ApiOkResponse)({ type: registrations_dto_1.RegistrationDto }),
    (0, problem_dto_1.ApiProblems)(401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('slug')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", void 0)
], RegistrationsController.prototype, "mine", null);
__decorate([
    (0, common_1.Get)('me/registrations'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiOperation)({ summary: 'All my registrations, newest first', description: 'The signed-in attendee.' }),
    (0, swagger_1.ApiOkResponse)({ type: [registrations_dto_1.MyRegistrationDto] }),
    (0, problem_dto_1.ApiProblems)(401),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], RegistrationsController.prototype, "listMine", null);
__decorate([
    (0, common_1.Get)('events/:slug/registrations/:id'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiOperation)({
        summary: 'One registration',
        description: 'Its attendee (everything, including self-described data and the badge token), or an organiser (without ' +
            'them). Anyone else gets 404.',
    }),
    (0, swagger_1.ApiOkResponse)({ type: registrations_dto_1.RegistrationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('slug')),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", void 0)
], RegistrationsController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)('events/:slug/registrations/:id'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiOperation)({
        summary: 'Update my details and self-described data',
        description: 'Its attendee only. Self-described fields need consentToReport; withdrawing consent erases them.',
    }),
    (0, swagger_1.ApiOkResponse)({ type: registrations_dto_1.RegistrationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('slug')),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String, registrations_dto_1.UpdateRegistrationDto]),
    __metadata("design:returntype", void 0)
], RegistrationsController.prototype, "update", null);
__decorate([
    (0, common_1.Post)('events/:slug/registrations/:id/cancel'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiOperation)({
        summary: 'Cancel a registration',
        description: 'Its attendee or an organiser. The freed seat is offered to the next person on the waiting list.',
    }),
    (0, swagger_1.ApiOkResponse)({ type: registrations_dto_1.RegistrationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409, 503),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('slug')),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", void 0)
], RegistrationsController.prototype, "cancel", null);
__decorate([
    (0, common_1.Post)('events/:slug/registrations/:id/accept-offer'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiOperation)({
        summary: 'Take up a waiting-list offer before it expires',
        description: 'Its attendee only. Confirms the registration (pending when there is a price to pay).',
    }),
    (0, swagger_1.ApiOkResponse)({ type: registrations_dto_1.RegistrationDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, common_1.Param)('slug')),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, String]),
    __metadata("design:returntype", void 0)
], RegistrationsController.prototype, "acceptOffer", null);
__decorate([
    (0, common_1.Post)('events/:slug/registrations/:id/mark-paid'),
    (0, common_1.HttpCode)(200),
    (0, event_access_guard_1.RequireEventRole)('Record the payment of a pending registration, which confirms it', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: registrations_dto_1.RegistrationSummaryDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], RegistrationsController.prototype, "markPaid", null);
exports.RegistrationsController = RegistrationsController = __decorate([
    (0, swagger_1.ApiTags)('registration'),
    (0, common_1.Controller)({ version: '1' }),
    __metadata("design:paramtypes", [registrations_service_1.RegistrationsService])
], RegistrationsController);
//# sourceMappingURL=registrations.controller.js.map