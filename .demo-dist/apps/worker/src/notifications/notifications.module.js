"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotificationsModule = void 0;
const common_1 = require("@nestjs/common");
const mail_transport_1 = require("./mail.transport");
const notification_queue_1 = require("./notification.queue");
const notifications_processor_1 = require("./notifications.processor");
const notifications_repository_1 = require("./notifications.repository");
const notifications_service_1 = require("./notifications.service");
const relay_service_1 = require("./relay.service");
/** Outbox relay, recipient dispatch and e-mail delivery. */
let NotificationsModule = class NotificationsModule {
};
exports.NotificationsModule = NotificationsModule;
exports.NotificationsModule = NotificationsModule = __decorate([
    (0, common_1.Module)({
        providers: [notifications_repository_1.NotificationsRepository, notifications_service_1.NotificationsService, mail_transport_1.MailTransport, notification_queue_1.NotificationQueue, notifications_processor_1.NotificationsProcessor, relay_service_1.RelayService],
    })
], NotificationsModule);
//# sourceMappingURL=notifications.module.js.map