import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { InputJsonObject } from '@lectern/database/json.types';
import { TransactionHost } from '@lectern/database/transaction.host';
import { DomainEvents, DomainEventType } from '@lectern/audit/domain-events';
import { MESSAGE_TEMPLATES, MessageContext, MessageData, MessageEvent, MessageTemplate, RenderedMessage, TemplateOverride } from '@lectern/mail/message-context';
import { renderMessage } from '@lectern/mail/render';
import { MailTransport, SentMail, classifySmtpError, describeError, isDeliverableAddress } from '@lectern/mail/mail.transport';
import { MetricsService } from '@lectern/metrics/metrics.service';
import { NotificationStatus } from '@lectern/database/generated/enums';
import { NewDelivery, DeliveriesRepository } from './deliveries.repository';
import { EmailTemplatesRepository } from './email-templates.repository';
import { PlannedMessage, resolverFor } from './recipients.resolver';
import { languageFor } from '@lectern/i18n/languages';

export type DispatchResult = { outcome: 'dispatched'; recipients: number } | { outcome: 'already-dispatched' | 'outbox-row-gone' };

export type DeliveryResult =
  | { outcome: 'sent'; messageId: string }
  /** Already sent, failed, or superseded by a resend: nothing to do. */
  | { outcome: 'skipped'; reason: 'sent' | 'failed' | 'superseded' | 'missing' }
  /** Another run holds a live claim on it; look again when that claim's lease ends. */
  | { outcome: 'busy'; retryInMs: number };

/** The delivery could not be sent and never will be as it is; recorded as FAILED for the organisers. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** The delivery may succeed later (4xx, timeout, connection); recorded and retried with backoff. */
export class TransientDeliveryError extends Error {
  override readonly name = 'TransientDeliveryError';
}

/** Decision e-mails: what an edition may hold for its organisers' review instead of sending at release. */
export const HELD_TEMPLATES: ReadonlySet<MessageTemplate> = new Set<MessageTemplate>(['decision.accepted', 'decision.rejected', 'decision.waitlisted']);

/** The event types whose outbox rows cause messages; the relay only queues dispatch jobs for these. */
export function causesMessages(type: string): boolean {
  return type === COMPOSED || resolverFor(type) !== undefined;
}

/** A composed message's send: its audience is resolved into deliveries by the database in one statement. */
const COMPOSED = 'compose.sent' satisfies DomainEventType;

@Injectable()
export class DeliveriesService {
  private readonly logger = new Logger(DeliveriesService.name);

  constructor(
    private readonly repository: DeliveriesRepository,
    private readonly mail: MailTransport,
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
    private readonly templates: EmailTemplatesRepository,
  ) {}

  /**
   * Resolves one outbox row's recipients into delivery rows, once: the outbox row is locked for the duration,
   * the dispatch is marked DONE in the same transaction, and delivery rows are unique per recipient.
   */
  dispatch(outboxId: bigint): Promise<DispatchResult> {
    // a composed message's audience may be thousands: its single INSERT … SELECT gets more than the default 10 s
    return this.tx.run(async () => {
      const row = await this.repository.lockOutboxRow(outboxId);
      if (!row) return { outcome: 'outbox-row-gone' as const };
      if ((await this.repository.findDispatchStatus(outboxId))?.status === 'DONE') return { outcome: 'already-dispatched' as const };
      const event = row.eventId ? await this.repository.messageEvent(row.eventId) : null;
      if (row.type === COMPOSED) {
        const recipients = event && row.eventId ? await this.dispatchComposed(row.id, row.eventId, event, row.payload as DomainEvents['compose.sent']) : 0;
        await this.repository.finishDispatch(outboxId, recipients);
        return { outcome: 'dispatched' as const, recipients };
      }
      const resolver = resolverFor(row.type);
      let planned: PlannedMessage[] = [];
      if (resolver && event) {
        planned = await resolver(row.payload as never, {
          lookups: this.repository,
          event,
          occurredAt: row.createdAt,
          link: (...segments) => `${this.config.mail.publicBaseUrl}/${segments.map(encodeURIComponent).join('/')}`,
        });
      }
      const wording = row.eventId && planned.length > 0 ? await this.wordingOf(row.eventId, planned) : { overrides: new Map(), hold: false };
      const rows = this.deliveryRows(row.id, row.eventId, event, planned, wording);
      await this.repository.insertDeliveries(rows);
      await this.repository.finishDispatch(outboxId, rows.length);
      return { outcome: 'dispatched' as const, recipients: rows.length };
    }, { timeoutMs: 120_000 });
  }

  /** The audience as it is now (someone who registered since the dry run is included), each person once. */
  private async dispatchComposed(outboxId: bigint, eventId: string, event: MessageEvent, payload: DomainEvents['compose.sent']): Promise<number> {
    const composed = await this.repository.composedMessageOfSend(eventId, payload.sendId);
    if (!composed) return 0;
    const locales = await this.repository.audienceLocales(eventId, composed.audience);
    const languages = Object.fromEntries(locales.map((locale) => [locale, languageFor(locale, event.languages)]));
    const data: MessageData['compose.message'] = { subject: composed.subject, body: composed.body };
    const context = { event, data, override: null } as unknown as InputJsonObject;
    return this.repository.insertAudienceDeliveries(outboxId, eventId, composed.audience, languages, event.languages[0], 'compose.message', context);
  }

  async recordDispatchFailure(outboxId: bigint, error: unknown): Promise<void> {
    await this.repository.failDispatch(outboxId, describeError(error));
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
  async deliver(deliveryId: string, generation: number): Promise<DeliveryResult> {
    const { sendLeaseSeconds, maxAttempts } = this.config.notifications;
    const claim = await this.repository.claimDelivery(deliveryId, generation, sendLeaseSeconds);
    if (!claim) return this.notClaimed(deliveryId, generation);

    const row = await this.repository.loadForSend(deliveryId);
    if (!row) return { outcome: 'skipped', reason: 'missing' };
    const messageId = this.mail.messageIdFor(deliveryId, generation);

    let context: MessageContext;
    let rendered: RenderedMessage;
    try {
      context = this.contextOf(row);
      rendered = renderMessage(context);
    } catch (error) {
      return this.fail(deliveryId, generation, `cannot render: ${(error as Error).message}`);
    }
    const { email, name, language } = context.recipient;
    if (!isDeliverableAddress(email)) return this.fail(deliveryId, generation, `not a deliverable address: ${email}`);

    let sent: SentMail;
    try {
      sent = await this.mail.send({ ...rendered, to: { name, address: email }, messageId, language });
    } catch (error) {
      const reason = describeError(error);
      if (classifySmtpError(error) === 'permanent') return this.fail(deliveryId, generation, reason);
      if (claim.attempts >= maxAttempts) return this.fail(deliveryId, generation, `gave up after ${claim.attempts} attempts: ${reason}`);
      await this.repository.markForRetry(deliveryId, generation, reason);
      this.metrics.recordDelivery('smtp', 'retry');
      throw new TransientDeliveryError(reason);
    }
    // If this fails (Postgres away), the row stays SENDING: no retry before its lease ends, as after a crash.
    this.metrics.recordDelivery('smtp', 'sent');
    await this.repository.markSent(deliveryId, generation, { email, messageId: sent.messageId, providerMessageId: sent.providerMessageId });
    return { outcome: 'sent', messageId: sent.messageId };
  }

  private async notClaimed(deliveryId: string, generation: number): Promise<DeliveryResult> {
    const state = await this.repository.deliveryState(deliveryId, this.config.notifications.sendLeaseSeconds);
    if (!state) return { outcome: 'skipped', reason: 'missing' };
    if (state.generation !== generation) return { outcome: 'skipped', reason: 'superseded' };
    if (state.status === 'SENT') return { outcome: 'skipped', reason: 'sent' };
    if (state.status === 'FAILED') return { outcome: 'skipped', reason: 'failed' };
    // SENDING under a live claim (a duplicate run of the job, or a worker that may still finish)
    return { outcome: 'busy', retryInMs: Math.max(100, Math.ceil(state.leaseEndsInMs ?? 0) + 100) };
  }

  private async fail(deliveryId: string, generation: number, reason: string): Promise<never> {
    await this.repository.markFailed(deliveryId, generation, reason);
    this.metrics.recordDelivery('smtp', 'failed');
    this.logger.warn(`delivery ${deliveryId} failed permanently: ${reason}`);
    throw new PermanentDeliveryError(reason);
  }

  /**
   * The edition's wording in force for these messages, stored with each so that a resend (or a send after the
   * organisers change it again) says what was meant at the time, and whether its decisions are held for review.
   */
  private async wordingOf(eventId: string, planned: PlannedMessage[]) {
    const overrides = await this.templates.overridesFor(eventId);
    const hold = planned.some((message) => HELD_TEMPLATES.has(message.template)) && (await this.templates.holdsDecisions(eventId));
    return { overrides, hold };
  }

  private deliveryRows(
    outboxId: bigint,
    eventId: string | null,
    event: MessageEvent | null,
    planned: PlannedMessage[],
    wording: { overrides: Map<string, TemplateOverride>; hold: boolean },
  ): NewDelivery[] {
    const seen = new Set<string>();
    const rows: NewDelivery[] = [];
    for (const message of planned) {
      if (!event || seen.has(message.recipient.key)) continue;
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
        context: { event, data: message.data, override: wording.overrides.get(message.template) ?? null } as unknown as InputJsonObject,
        status: wording.hold && HELD_TEMPLATES.has(message.template) ? NotificationStatus.HELD : NotificationStatus.PENDING,
      });
    }
    return rows;
  }

  /** The stored context with the recipient as they are now: a changed address or language applies to a resend. */
  private contextOf(row: NonNullable<Awaited<ReturnType<DeliveriesRepository['loadForSend']>>>): MessageContext {
    if (!(MESSAGE_TEMPLATES as readonly string[]).includes(row.template)) throw new Error(`unknown template ${row.template}`);
    const stored = row.context as { event?: MessageEvent; data?: unknown; override?: TemplateOverride | null } | null;
    if (!stored?.event || !stored.data) throw new Error('context has no event or data');
    const user = row.recipientUser;
    return {
      template: row.template as MessageTemplate,
      recipient: user
        ? { email: user.email, name: user.name, language: languageFor(user.locale, stored.event.languages), timeZone: user.timeZone }
        : { email: row.recipientEmail, name: row.recipientName, language: languageFor(row.language, stored.event.languages) },
      event: stored.event,
      data: stored.data,
      override: stored.override ?? null,
    } as MessageContext;
  }
}
