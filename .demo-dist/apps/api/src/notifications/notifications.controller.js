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
exports.NotificationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const client_1 = require("../../../../libs/database/generated/client");
const event_access_guard_1 = require("../events/event-access.guard");
const auth_decorators_1 = require("../http/auth.decorators");
const problem_dto_1 = require("../http/problem.dto");
const uuid_pipe_1 = require("../http/uuid.pipe");
const notifications_dto_1 = require("./notifications.dto");
const notifications_service_1 = require("./notifications.service");
let NotificationsController = class NotificationsController {
    notifications;
    constructor(notifications) {
        this.notifications = notifications;
    }
    list(access, query) {
        return this.notifications.list(access, query);
    }
    summary(access) {
        return this.notifications.summary(access);
    }
    resend(actor, access, notificationId) {
        return this.notifications.resend(actor, access, notificationId);
    }
};
exports.NotificationsController = NotificationsController;
__decorate([
    (0, common_1.Get)(),
    (0, event_access_guard_1.RequireEventRole)('Messages sent about the edition, newest first (pending, sent, failed)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: notifications_dto_1.NotificationPageDto }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, notifications_dto_1.ListNotificationsQueryDto]),
    __metadata("design:returntype", void 0)
], NotificationsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)('summary'),
    (0, event_access_guard_1.RequireEventRole)('How many of the edition’s messages are pending, sending, sent and failed', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiOkResponse)({ type: notifications_dto_1.NotificationSummaryDto }),
    (0, problem_dto_1.ApiProblems)(401, 403, 404),
    __param(0, (0, event_access_guard_1.CurrentEvent)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], NotificationsController.prototype, "summary", null);
__decorate([
    (0, common_1.Post)(':notificationId/resend'),
    (0, common_1.HttpCode)(202),
    (0, event_access_guard_1.RequireEventRole)('Send a sent or failed message again (as a new generation with a new Message-ID)', client_1.EventRole.ORGANISER),
    (0, swagger_1.ApiAcceptedResponse)({ type: notifications_dto_1.NotificationDto, description: 'Queued again; the worker sends it within seconds' }),
    (0, problem_dto_1.ApiProblems)(400, 401, 403, 404, 409),
    __param(0, (0, auth_decorators_1.CurrentActor)()),
    __param(1, (0, event_access_guard_1.CurrentEvent)()),
    __param(2, (0, common_1.Param)('notificationId', (0, uuid_pipe_1.uuidParam)('notificationId'))),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, String]),
    __metadata("design:returntype", void 0)
], NotificationsController.prototype, "resend", null);
exports.NotificationsController = NotificationsController = __decorate([
    (0, swagger_1.ApiTags)('notifications'),
    (0, common_1.Controller)({ path: 'events/:slug/notifications', version: '1' }),
    __metadata("design:paramtypes", [notifications_service_1.NotificationsService])
], NotificationsController);
//# sourceMappingURL=notifications.controller.js.map