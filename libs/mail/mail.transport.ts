import { Inject, Injectable } from '@nestjs/common';
import { SMTPTransportOptions, createTransport } from 'nodemailer';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { RenderedMessage } from './message-context';

export interface OutgoingMail extends RenderedMessage {
  to: { name: string | null; address: string };
  /** Stable per delivery and generation: a message sent twice (the crash window) carries the same id. */
  messageId: string;
  language: string;
}

export interface SentMail {
  messageId: string;
  /** The id the receiving server gave the message, from its final reply ("250 ... queued as X"), if any. */
  providerMessageId: string | null;
}

export type SmtpFailure = 'permanent' | 'transient';

/**
 * 5xx replies (unknown mailbox, rejected recipient) and addresses that cannot be sent to at all are permanent;
 * 4xx replies, timeouts and connection errors are transient. An authentication failure is the operator's
 * configuration, not the recipient's fault, so it is retried rather than blamed on the address.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (code === 'EAUTH' || code === 'ENOAUTH') return 'transient';
  if (typeof responseCode === 'number') return responseCode >= 500 && responseCode < 600 ? 'permanent' : 'transient';
  return code === 'EENVELOPE' ? 'permanent' : 'transient';
}

export function describeError(error: unknown): string {
  const e = (error ?? {}) as { message?: unknown; responseCode?: unknown; code?: unknown };
  const parts = [typeof e.code === 'string' ? e.code : null, typeof e.responseCode === 'number' ? String(e.responseCode) : null];
  const prefix = parts.filter(Boolean).join(' ');
  const message = typeof e.message === 'string' ? e.message : String(error);
  return (prefix ? `${prefix}: ${message}` : message).slice(0, 1000);
}

// Syntax only; whether the mailbox exists is the receiving server's answer (a 5xx).
const ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

export function isDeliverableAddress(address: string): boolean {
  return address.length <= 254 && ADDRESS.test(address);
}

function providerId(response: string | undefined): string | null {
  if (!response) return null;
  const queued = /queued as\s+([^\s]+)/i.exec(response) ?? /\bid[=:\s]+([^\s]+)/i.exec(response);
  return (queued?.[1] ?? response.replace(/^\d{3}[\s-]+/, '')).slice(0, 255) || null;
}

/**
 * SMTP through nodemailer, one connection per message: a send is aborted at SMTP_TIMEOUT_MS, which the lease on
 * the delivery row outlasts (config checks it), so no send is still running when another worker may claim it.
 */
@Injectable()
export class MailTransport {
  private readonly transporter;
  private readonly domain: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { smtp, timeoutMs } = config.mail;
    const options: SMTPTransportOptions = {
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
    this.transporter = createTransport(options);
    this.domain = /@([^>\s]+)>?\s*$/.exec(config.mail.from)?.[1] ?? 'lectern.localhost';
  }

  messageIdFor(deliveryId: string, generation: number): string {
    return `<delivery-${deliveryId}-${generation}@${this.domain}>`;
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail({
      from: this.config.mail.from,
      to: { name: mail.to.name ?? '', address: mail.to.address },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.attachments ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
      messageId: mail.messageId,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.language },
      signal: AbortSignal.timeout(this.config.mail.timeoutMs),
    });
    return { messageId: info.messageId, providerMessageId: providerId(info.response) };
  }
}
