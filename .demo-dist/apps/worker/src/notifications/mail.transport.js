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
exports.MailTransport = void 0;
exports.classifySmtpError = classifySmtpError;
exports.describeError = describeError;
exports.isDeliverableAddress = isDeliverableAddress;
const common_1 = require("@nestjs/common");
const nodemailer_1 = require("nodemailer");
const config_module_1 = require("../../../../libs/config/config.module");
/**
 * 5xx replies (unknown mailbox, rejected recipient) and addresses that cannot be sent to at all are permanent;
 * 4xx replies, timeouts and connection errors are transient. An authentication failure is the operator's
 * configuration, not the recipient's fault, so it is retried rather than blamed on the address.
 */
function classifySmtpError(error) {
    const { responseCode, code } = (error ?? {});
    if (code === 'EAUTH' || code === 'ENOAUTH')
        return 'transient';
    if (typeof responseCode === 'number')
        return responseCode >= 500 && responseCode < 600 ? 'permanent' : 'transient';
    return code === 'EENVELOPE' ? 'permanent' : 'transient';
}
function describeError(error) {
    const e = (error ?? {});
    const parts = [typeof e.code === 'string' ? e.code : null, typeof e.responseCode === 'number' ? String(e.responseCode) : null];
    const prefix = parts.filter(Boolean).join(' ');
    const message = typeof e.message === 'string' ? e.message : String(error);
    return (prefix ? `${prefix}: ${message}` : message).slice(0, 1000);
}
// Syntax only; whether the mailbox exists is the receiving server's answer (a 5xx).
const ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
function isDeliverableAddress(address) {
    return address.length <= 254 && ADDRESS.test(address);
}
function providerId(response) {
    if (!response)
        return null;
    const queued = /queued as\s+([^\s]+)/i.exec(response) ?? /\bid[=:\s]+([^\s]+)/i.exec(response);
    return (queued?.[1] ?? response.replace(/^\d{3}[\s-]+/, '')).slice(0, 255) || null;
}
/**
 * SMTP through nodemailer, one connection per message: a send is aborted at SMTP_TIMEOUT_MS, which the lease on
 * the delivery row outlasts (config checks it), so no send is still running when another worker may claim it.
 */
let MailTransport = class MailTransport {
    config;
    transporter;
    domain;
    constructor(config) {
        this.config = config;
        const { smtp, timeoutMs } = config.mail;
        const options = {
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure,
            auth: smtp.user && smtp.password ? { user: smtp.user, pass: smtp.password } : undefined,
            connectionTimeout: timeoutMs,
            greetingTimeout: timeoutMs,
            socketTimeout: timeoutMs,
            // message content is ours; never let a value make nodemailer read a file or fetch a URL
            disableFileAccess: true,
            disableUrlAccess: true,
        };
        this.transporter = (0, nodemailer_1.createTransport)(options);
        this.domain = /@([^>\s]+)>?\s*$/.exec(config.mail.from)?.[1] ?? 'lectern.localhost';
    }
    messageIdFor(deliveryId, generation) {
        return `<delivery-${deliveryId}-${generation}@${this.domain}>`;
    }
    async send(mail) {
        const info = await this.transporter.sendMail({
            from: this.config.mail.from,
            to: { name: mail.to.name ?? '', address: mail.to.address },
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            messageId: mail.messageId,
            headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.language },
            signal: AbortSignal.timeout(this.config.mail.timeoutMs),
        });
        return { messageId: info.messageId, providerMessageId: providerId(info.response) };
    }
};
exports.MailTransport = MailTransport;
exports.MailTransport = MailTransport = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object])
], MailTransport);
//# sourceMappingURL=mail.transport.js.map