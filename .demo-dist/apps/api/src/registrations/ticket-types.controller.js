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
exports.TicketTypesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const event_access_guard_1 = require("../events/event-access.guard");
const ticket_types_dto_1 = require("./ticket-types.dto");
const ticket_types_service_1 = require("./ticket-types.service");
let TicketTypesController = class TicketTypesController {
    ticketTypes;
    constructor(ticketTypes) {
        this.ticketTypes = ticketTypes;
    }
    list(slug, user) {
        return this.ticketTypes.list(slug, user);
    }
    create(actor, access, body) {
        return this.ticketTypes.create(actor, access, body);
    }
    update(actor, access, id, body) {
        return this.ticketTypes.update(actor, access, id, body);
    }
    listQuotas(access) {
        return this.ticketTypes.listQuotas(access);
    }
    createQuota(actor, access, body) {
        return this.ticketTypes.createQuota(actor, access, body);
    }
    updateQuota(actor, access, id, body) {
        return this.ticketTypes.updateQuota(actor, access, id, body);
    }
};
exports.TicketTypesController = TicketTypesController;
__decorate([
    (0, auth_decorators_1.Public)(),
    (0, common_1.Get)('ticket-types'),
    (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }),
    (0, swagger_1.ApiOperation)({
        summary: 'Ticket types with their seats left',
        description: 'Anyone may list a published event’s ticket types; organisers (bearer token) also see hidden ones.',
    }),
    (0, swagger_1.ApiOkResponse)({ type: [ticket_types_dto_1.TicketTypeDto] }),
    (0, problem_dto_1.ApiProblems)(404),
    __param(0, (0, common_1.Param)('slug')),
    __param(1, (0, auth_decorators_1.OptionalUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", void 0)
], TicketTypesController.prototype, "list", null);
__decorate([
    (0, common_1.Post)('ticket-types'),
    (0, event_access_guard_1.RequireEventRole)('Create a ticket type', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: ticket_types_dto_1.TicketTypeDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, ticket_types_dto_1.CreateTicketTypeDto]),
    __metadata("design:returntype", void 0)
], TicketTypesController.prototype, "create", null);
__decorate([
    (0, common_1.Patch)('ticket-types/:id'),
    (0, event_access_guard_1.RequireEventRole)('Change a ticket type (not its attendance)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: ticket_types_dto_1.TicketTypeDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, ticket_types_dto_1.UpdateTicketTypeDto]),
    __metadata("design:returntype", void 0)
], TicketTypesController.prototype, "update", null);
__decorate([
    (0, common_1.Get)('quotas'),
    (0, event_access_guard_1.RequireEventRole)('Quotas with their use', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: [ticket_types_dto_1.QuotaDto] }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], TicketTypesController.prototype, "listQuotas", null);
__decorate([
    (0, common_1.Post)('quotas'),
    (0, event_access_guard_1.RequireEventRole)('Create a quota shared by ticket types', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiCreatedResponse)({ type: ticket_types_dto_1.QuotaDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409, 503),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, ticket_types_dto_1.CreateQuotaDto]),
    __metadata("design:returntype", void 0)
], TicketTypesController.prototype, "createQuota", null);
__decorate([
    (0, common_1.Patch)('quotas/:id'),
    (0, event_access_guard_1.RequireEventRole)('Resize a quota or change its ticket types; a larger quota offers seats to the waiting list', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: ticket_types_dto_1.QuotaDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409, 503),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('id', (0, uuid_pipe_1.uuidParam)('id'))),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String, ticket_types_dto_1.UpdateQuotaDto]),
    __metadata("design:returntype", void 0)
], TicketTypesController.prototype, "updateQuota", null);
exports.TicketTypesController = TicketTypesController = __decorate([
    (0, swagger_1.ApiTags)('registration'),
    (0, common_1.Controller)({ path: 'events/:slug', version: '1' }),
    __metadata("design:paramtypes", [ticket_types_service_1.TicketTypesService])
], TicketTypesController);
//# sourceMappingURL=ticket-types.controller.js.map