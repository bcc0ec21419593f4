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
exports.CurrentEvent = exports.EventAccessGuard = void 0;
exports.RequireEventRole = RequireEventRole;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const events_repository_1 = require("./events.repository");
const events_errors_1 = require("./events.errors");
const EVENT_ROLES = 'lectern:event-roles';
/**
 * Checks on every request that the caller holds one of `roles` in the event named by the `:slug` route parameter
 * (administrators pass). A caller with no role at all in a draft event gets 404, so drafts stay invisible.
 */
let EventAccessGuard = class EventAccessGuard {
    reflector;
    events;
    constructor(reflector, events) {
        this.reflector = reflector;
        this.events = events;
    }
    async canActivate(context) {
        const request = context.switchToHttp().getRequest();
        const allowed = this.reflector.get(EVENT_ROLES, context.getHandler()) ?? [];
        if (!request.user)
            throw domain_error_1.CommonErrors.unauthenticated();
        const slug = request.params.slug;
        const found = await this.events.findWithRoles(slug, request.user.id);
        if (!found)
            throw events_errors_1.EventErrors.notFound(slug);
        const { roleGrants, ...event } = found;
        const roles = roleGrants.map((g) => g.role);
        request.eventAccess = { event, roles };
        if (request.user.isAdmin || roles.some((role) => allowed.includes(role)))
            return true;
        if (event.status === client_1.EventStatus.DRAFT && roles.length === 0)
            throw events_errors_1.EventErrors.notFound(slug);
        throw domain_error_1.CommonErrors.forbidden();
    }
};
exports.EventAccessGuard = EventAccessGuard;
exports.EventAccessGuard = EventAccessGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector,
        events_repository_1.EventsRepository])
], EventAccessGuard);
/** The route needs one of these roles in the event `:slug`; documented in the OpenAPI operation. */
function RequireEventRole(summary, ...roles) {
    return (0, common_1.applyDecorators)((0, common_1.SetMetadata)(EVENT_ROLES, roles), (0, common_1.UseGuards)(EventAccessGuard), (0, swagger_1.ApiBearerAuth)(), (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }), (0, swagger_1.ApiOperation)({ summary, description: `Requires one of these roles in the event: ${roles.join(', ')} (or administrator).` }));
}
exports.CurrentEvent = (0, common_1.createParamDecorator)((_, context) => {
    const access = context.switchToHttp().getRequest().eventAccess;
    if (!access)
        throw new Error('CurrentEvent used on a route without RequireEventRole');
    return access;
});
//# sourceMappingURL=event-access.guard.js.map