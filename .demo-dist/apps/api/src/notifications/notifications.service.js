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
exports.NotificationsService = void 0;
exports.toNotificationView = toNotificationView;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const i18n_1 = require("../../../../libs/i18n/i18n");
const message_context_1 = require("../../../../libs/mail/message-context");
const render_1 = require("../../../../libs/mail/render");
const cursor_1 = require("../http/cursor");
const notifications_errors_1 = require("./notifications.errors");
const notifications_repository_1 = require("./notifications.repository");
/** What was stored can always be listed, even if its template was since renamed: the subject is then null. */
function subjectOf(row) {
    const stored = row.context;
    if (!message_context_1.MESSAGE_TEMPLATES.includes(row.template) || !stored?.event || !stored.data)
        return null;
    const language = i18n_1.LANGUAGES.includes(row.language) ? row.language : i18n_1.DEFAULT_LANGUAGE;
    try {
        return (0, render_1.renderSubject)({
            template: row.template,
            recipient: { name: row.recipientName, email: row.recipientEmail, language },
            event: stored.event,
            data: stored.data,
        });
    }
    catch {
        return null;
    }
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A cursor someone tampered with is a 400, never a database error. */
function position(cursor) {
    const [at, id] = (0, cursor_1.decodeCursor)(cursor, ['string', 'string']);
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || !UUID.test(id))
        throw new domain_error_1.DomainError('CURSOR_INVALID', 400);
    return { createdAt, id };
}
function toNotificationView(row) {
    return {
        id: row.id,
        template: row.template,
        subject: subjectOf(row),
        recipientEmail: row.recipientEmail,
        recipientName: row.recipientName,
        language: row.language,
        status: row.status,
        attempts: row.attempts,
        generation: row.generation,
        lastError: row.lastError,
        createdAt: row.createdAt,
        sentAt: row.sentAt,
        failedAt: row.failedAt,
    };
}
let NotificationsService = class NotificationsService {
    notifications;
    audit;
    tx;
    constructor(notifications, audit, tx) {
        this.notifications = notifications;
        this.audit = audit;
        this.tx = tx;
    }
    async list(access, query) {
        const limit = query.limit ?? 50;
        const after = query.cursor ? position(query.cursor) : undefined;
        const rows = await this.notifications.listPage(access.event.id, query.status, limit, after);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
            items: page.map(toNotificationView),
            nextCursor: rows.length > limit && last ? (0, cursor_1.encodeCursor)([last.createdAt.toISOString(), last.id]) : null,
        };
    }
    async summary(access) {
        const counts = await this.notifications.countByStatus(access.event.id);
        return { pending: counts.PENDING, sending: counts.SENDING, sent: counts.SENT, failed: counts.FAILED };
    }
    /**
     * Sends a message again as a new generation (a new Message-ID): for a FAILED one after the address was fixed,
     * or a SENT one that the recipient did not get. One still on its way cannot be resent, so two organisers
     * clicking at once produce one resend.
     */
    async resend(actor, access, deliveryId) {
        return this.tx.run(async () => {
            const current = await this.notifications.lockForResend(access.event.id, deliveryId);
            if (!current)
                throw notifications_errors_1.NotificationErrors.notFound();
            if (current.status !== client_1.NotificationStatus.SENT && current.status !== client_1.NotificationStatus.FAILED) {
                throw notifications_errors_1.NotificationErrors.resendConflict();
            }
            const updated = await this.notifications.requeue(deliveryId, current.generation + 1);
            await this.audit.record({
                eventId: access.event.id,
                actorId: actor.id,
                requestId: actor.requestId,
                action: 'notification.resent',
                entityType: 'notification_delivery',
                entityId: deliveryId,
                before: { status: current.status, generation: current.generation },
                after: { status: updated.status, generation: updated.generation },
            });
            return toNotificationView(updated);
        });
    }
};
exports.NotificationsService = NotificationsService;
exports.NotificationsService = NotificationsService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [notifications_repository_1.NotificationsRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost])
], NotificationsService);
//# sourceMappingURL=notifications.service.js.map