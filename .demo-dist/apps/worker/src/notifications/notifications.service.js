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
var NotificationsService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotificationsService = exports.TransientDeliveryError = exports.PermanentDeliveryError = void 0;
exports.causesMessages = causesMessages;
const common_1 = require("@nestjs/common");
const config_module_1 = require("../../../../libs/config/config.module");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const message_context_1 = require("../../../../libs/mail/message-context");
const render_1 = require("../../../../libs/mail/render");
const mail_transport_1 = require("./mail.transport");
const notifications_repository_1 = require("./notifications.repository");
const resolvers_1 = require("./resolvers");
/** The delivery could not be sent and never will be as it is; recorded as FAILED for the organisers. */
class PermanentDeliveryError extends Error {
    name = 'PermanentDeliveryError';
}
exports.PermanentDeliveryError = PermanentDeliveryError;
/** The delivery may succeed later (4xx, timeout, connection); recorded and retried with backoff. */
class TransientDeliveryError extends Error {
    name = 'TransientDeliveryError';
}
exports.TransientDeliveryError = TransientDeliveryError;
/** The event types whose outbox rows cause messages; the relay only queues dispatch jobs for these. */
function causesMessages(type) {
    return (0, resolvers_1.resolverFor)(type) !== undefined;
}
let NotificationsService = NotificationsService_1 = class NotificationsService {
    repository;
    mail;
    tx;
    config;
    logger = new common_1.Logger(NotificationsService_1.name);
    constructor(repository, mail, tx, config) {
        this.repository = repository;
        this.mail = mail;
        this.tx = tx;
        this.config = config;
    }
    /**
     * Resolves one outbox row's recipients into delivery rows, once: the outbox row is locked for the duration,
     * the dispatch is marked DONE in the same transaction, and delivery rows are unique per recipient.
     */
    dispatch(outboxId) {
        return this.tx.run(async () => {
            const row = await this.repository.lockOutboxRow(outboxId);
            if (!row)
                return { outcome: 'outbox-row-gone' };
            if ((await this.repository.findDispatchStatus(outboxId))?.status === 'DONE')
                return { outcome: 'already-dispatched' };
            const resolver = (0, resolvers_1.resolverFor)(row.type);
            const event = row.eventId ? await this.repository.messageEvent(row.eventId) : null;
            let planned = [];
            if (resolver && event) {
                planned = await resolver(row.payload, {
                    lookups: this.repository,
                    event,
                    occurredAt: row.createdAt,
                    link: (...segments) => `${this.config.mail.publicBaseUrl}/${segments.map(encodeURIComponent).join('/')}`,
                });
            }
            const rows = this.deliveryRows(row.id, row.eventId, event, planned);
            await this.repository.insertDeliveries(rows);
            await this.repository.finishDispatch(outboxId, rows.length);
            return { outcome: 'dispatched', recipients: rows.length };
        });
    }
    async recordDispatchFailure(outboxId, error) {
        await this.repository.failDispatch(outboxId, (0, mail_transport_1.describeError)(error));
    }
    /**
     * Sends one delivery at most once per generation: claim the row (PENDING → SENDING) in Postgres, send, mark it
     * SENT. A row already SENT is never sent again, and of two concurrent runs only one gets the claim.
     *
     * The one remaining window: the worker dies after the SMTP server accepted the message and before SENT is
     * committed. The claim's lease then runs out and the message is sent again, with the same Message-ID header
     * (stable per delivery and generation), so the receiving side can recognise the duplicate. Marking SENT is a
     * single-row UPDATE right after the server's reply, which keeps that window to a few milliseconds. SMTP has
     * the same ambiguity of its own (RFC 1047): a connection lost, or a send aborted at SMTP_TIMEOUT_MS, after the
     * message's final dot but before the server's reply is retried, so the timeout should be generous.
     */
    async deliver(deliveryId, generation) {
        const { sendLeaseSeconds, maxAttempts } = this.config.notifications;
        const claim = await this.repository.claimDelivery(deliveryId, generation, sendLeaseSeconds);
        if (!claim)
            return this.notClaimed(deliveryId, generation);
        const row = await this.repository.loadForSend(deliveryId);
        if (!row)
            return { outcome: 'skipped', reason: 'missing' };
        const messageId = this.mail.messageIdFor(deliveryId, generation);
        let context;
        let rendered;
        try {
            context = this.contextOf(row);
            rendered = (0, render_1.renderMessage)(context);
        }
        catch (error) {
            return this.fail(deliveryId, generation, `cannot render: ${error.message}`);
        }
        const { email, name, language } = context.recipient;
        if (!(0, mail_transport_1.isDeliverableAddress)(email))
            return this.fail(deliveryId, generation, `not a deliverable address: ${email}`);
        let sent;
        try {
            sent = await this.mail.send({ ...rendered, to: { name, address: email }, messageId, language });
        }
        catch (error) {
            const reason = (0, mail_transport_1.describeError)(error);
            if ((0, mail_transport_1.classifySmtpError)(error) === 'permanent')
                return this.fail(deliveryId, generation, reason);
            if (claim.attempts >= maxAttempts)
                return this.fail(deliveryId, generation, `gave up after ${claim.attempts} attempts: ${reason}`);
            await this.repository.markForRetry(deliveryId, generation, reason);
            throw new TransientDeliveryError(reason);
        }
        // If this fails (Postgres away), the row stays SENDING: no retry before its lease ends, as after a crash.
        await this.repository.markSent(deliveryId, generation, { email, messageId: sent.messageId, providerMessageId: sent.providerMessageId });
        return { outcome: 'sent', messageId: sent.messageId };
    }
    async notClaimed(deliveryId, generation) {
        const state = await this.repository.deliveryState(deliveryId, this.config.notifications.sendLeaseSeconds);
        if (!state)
            return { outcome: 'skipped', reason: 'missing' };
        if (state.generation !== generation)
            return { outcome: 'skipped', reason: 'superseded' };
        if (state.status === 'SENT')
            return { outcome: 'skipped', reason: 'sent' };
        if (state.status === 'FAILED')
            return { outcome: 'skipped', reason: 'failed' };
        // SENDING under a live claim (a duplicate run of the job, or a worker that may still finish)
        return { outcome: 'busy', retryInMs: Math.max(100, Math.ceil(state.leaseEndsInMs ?? 0) + 100) };
    }
    async fail(deliveryId, generation, reason) {
        await this.repository.markFailed(deliveryId, generation, reason);
        this.logger.warn(`delivery ${deliveryId} failed permanently: ${reason}`);
        throw new PermanentDeliveryError(reason);
    }
    deliveryRows(outboxId, eventId, event, planned) {
        const seen = new Set();
        const rows = [];
        for (const message of planned) {
            if (!event || seen.has(message.recipient.key))
                continue;
            seen.add(message.recipient.key);
            rows.push({
                outboxId,
                eventId,
                recipientKey: message.recipient.key,
                recipientUserId: message.recipient.userId,
                recipientEmail: message.recipient.email,
                recipientName: message.recipient.name,
                language: message.recipient.language,
                template: message.template,
                context: { event, data: message.data },
            });
        }
        return rows;
    }
    /** The stored context with the recipient as they are now: a changed address or language applies to a resend. */
    contextOf(row) {
        if (!message_context_1.MESSAGE_TEMPLATES.includes(row.template))
            throw new Error(`unknown template ${row.template}`);
        const stored = row.context;
        if (!stored?.event || !stored.data)
            throw new Error('context has no event or data');
        const user = row.recipientUser;
        return {
            template: row.template,
            recipient: user
                ? { email: user.email, name: user.name, language: (0, resolvers_1.languageOf)(user.locale) }
                : { email: row.recipientEmail, name: row.recipientName, language: (0, resolvers_1.languageOf)(row.language) },
            event: stored.event,
            data: stored.data,
        };
    }
};
exports.NotificationsService = NotificationsService;
exports.NotificationsService = NotificationsService = NotificationsService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(3, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [notifications_repository_1.NotificationsRepository,
        mail_transport_1.MailTransport,
        transaction_host_1.TransactionHost, Object])
], NotificationsService);
//# sourceMappingURL=notifications.service.js.map