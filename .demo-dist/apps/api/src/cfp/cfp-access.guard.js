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
exports.VisibleEventGuard = void 0;
exports.ForEventVisitors = ForEventVisitors;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const events_repository_1 = require("../events/events.repository");
const events_errors_1 = require("../events/events.errors");
/**
 * For routes any signed-in user may call in an event (speakers need no role): loads the event `:slug` with the
 * caller's roles into `@CurrentEvent()`. A draft event stays invisible (404) to people without a role in it, as
 * everywhere else. On a @Public() route an anonymous caller gets the same treatment as a user without roles.
 */
let VisibleEventGuard = class VisibleEventGuard {
    events;
    constructor(events) {
        this.events = events;
    }
    async canActivate(context) {
        const request = context.switchToHttp().getRequest();
        const slug = request.params.slug;
        const found = await this.events.findWithRoles(slug, request.user?.id);
        if (!found)
            throw events_errors_1.EventErrors.notFound(slug);
        const { roleGrants, ...event } = found;
        const roles = roleGrants.map((g) => g.role);
        if (event.status === client_1.EventStatus.DRAFT && roles.length === 0 && !request.user?.isAdmin)
            throw events_errors_1.EventErrors.notFound(slug);
        request.eventAccess = { event, roles };
        return true;
    }
};
exports.VisibleEventGuard = VisibleEventGuard;
exports.VisibleEventGuard = VisibleEventGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [events_repository_1.EventsRepository])
], VisibleEventGuard);
/** The route is open to everyone who can see the event `:slug`; `description` says who may do what. */
function ForEventVisitors(summary, description) {
    return (0, common_1.applyDecorators)((0, common_1.UseGuards)(VisibleEventGuard), (0, swagger_1.ApiParam)({ name: 'slug', description: 'Event slug' }), (0, swagger_1.ApiOperation)({ summary, description }));
}
//# sourceMappingURL=cfp-access.guard.js.map