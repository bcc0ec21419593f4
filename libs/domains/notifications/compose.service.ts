import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { TransactionHost } from '@lectern/database/transaction.host';
import { languageFor } from '@lectern/i18n/languages';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { AudienceRepository } from './audience.repository';
import { ComposeRepository, ComposedMessageRecord, ComposedSendRecord } from './compose.repository';
import { assertWording } from './email-templates.service';
import { AudienceInput, ComposeInput } from './email.types';
import { NotificationErrors } from './notifications.errors';

const SAMPLE_SIZE = 10;

const sendView = (send: ComposedSendRecord) => ({
  sequence: send.sequence,
  recipients: send.recipients,
  resolved: send.resolved,
  pending: (send.deliveries.PENDING ?? 0) + (send.deliveries.SENDING ?? 0),
  sent: send.deliveries.SENT ?? 0,
  failed: send.deliveries.FAILED ?? 0,
  sentById: send.sentById,
  createdAt: send.createdAt,
});

const messageView = (message: ComposedMessageRecord, sends: ComposedSendRecord[]) => ({
  id: message.id,
  subject: message.subject,
  body: message.body,
  audience: message.audience,
  createdById: message.createdById,
  createdAt: message.createdAt,
  sends: sends.map(sendView),
});

/**
 * Messages organisers write to an audience of their edition. Sending writes one outbox row; the worker resolves
 * the audience at that moment into one delivery per person (the same exactly-once path as every other message),
 * in each person's language.
 */
@Injectable()
export class ComposeService {
  constructor(
    private readonly messages: ComposeRepository,
    private readonly audience: AudienceRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  /** Nothing chosen is an empty audience; a filter naming what the edition does not have is refused by name. */
  private async assertAudience(eventId: string, audience: AudienceInput): Promise<void> {
    if (!audience.speakers && !audience.attendees && !audience.scholarshipRecipients && !audience.reviewers && !audience.committee) {
      throw NotificationErrors.audienceEmpty();
    }
    const checks: [string, string[], (values: string[]) => Promise<string[]>][] = [
      ['audience.speakers.tracks', audience.speakers?.tracks ?? [], (v) => this.audience.unknownTracks(eventId, v)],
      ['audience.speakers.formats', audience.speakers?.formats ?? [], (v) => this.audience.unknownFormats(eventId, v)],
      ['audience.attendees.colocatedEvents', audience.attendees?.colocatedEvents ?? [], (v) => this.audience.unknownColocatedEvents(eventId, v)],
      [
        'audience.attendees.ticketTypes',
        audience.attendees?.ticketTypes ?? [],
        (v) => this.audience.unknownTicketTypes(eventId, v, audience.attendees?.colocatedEvents ?? []),
      ],
    ];
    for (const [field, values, unknownOf] of checks) {
      if (values.length === 0) continue;
      const [unknown] = await unknownOf(values);
      if (unknown !== undefined) throw NotificationErrors.filterUnknown(field, unknown);
    }
  }

  async create(actor: Actor, access: EventAccess, input: ComposeInput) {
    assertWording('compose.message', { subject: input.subject, body: input.body }, access.event.series.languages);
    await this.assertAudience(access.event.id, input.audience);
    return this.tx.run(async () => {
      const message = await this.messages.create(access.event.id, input, actor.id);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'composed_message.created',
        entityType: 'composed_message',
        entityId: message.id,
        after: { subject: message.subject, audience: message.audience },
      });
      return messageView(message, []);
    });
  }

  async list(access: EventAccess) {
    const messages = await this.messages.list(access.event.id, 100);
    return { items: await Promise.all(messages.map(async (message) => messageView(message, await this.messages.sends(message.id)))) };
  }

  async get(access: EventAccess, id: string) {
    const message = await this.messages.find(access.event.id, id);
    if (!message) throw NotificationErrors.messageNotFound();
    return messageView(message, await this.messages.sends(message.id));
  }

  /** Who the message would reach now: the count, per language it would go out in, and a sample. */
  async dryRun(access: EventAccess, id: string) {
    const message = await this.messages.find(access.event.id, id);
    if (!message) throw NotificationErrors.messageNotFound();
    const languages = access.event.series.languages;
    const { locales, sample } = await this.audience.count(access.event.id, message.audience, SAMPLE_SIZE);
    const byLanguage = new Map<string, number>();
    for (const { locale, count } of locales) {
      const language = languageFor(locale, languages);
      byLanguage.set(language, (byLanguage.get(language) ?? 0) + count);
    }
    return {
      recipients: locales.reduce((sum, { count }) => sum + count, 0),
      languages: languages.filter((language) => byLanguage.has(language)).map((language) => ({ language, recipients: byLanguage.get(language)! })),
      sample: sample.map((person) => ({ name: person.name, email: person.email, language: languageFor(person.locale, languages) })),
    };
  }

  /**
   * Sends the message: once, unless `again` says a second time is meant. The message row is locked, so two
   * organisers pressing send at once make one send (the other is told it was sent).
   */
  async send(actor: Actor, access: EventAccess, id: string, again: boolean) {
    return this.tx.run(async () => {
      const message = await this.messages.find(access.event.id, id, true);
      if (!message) throw NotificationErrors.messageNotFound();
      const previous = await this.messages.sendCount(message.id);
      if (previous > 0 && !again) throw NotificationErrors.alreadySent(previous);
      const { locales } = await this.audience.count(access.event.id, message.audience, 0);
      const recipients = locales.reduce((sum, { count }) => sum + count, 0);
      if (recipients === 0) throw NotificationErrors.noRecipients();
      await this.messages.addSend(access.event.id, message.id, previous + 1, recipients, actor.id);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'composed_message.sent',
        entityType: 'composed_message',
        entityId: message.id,
        after: { sequence: previous + 1, recipients },
      });
      return messageView(message, await this.messages.sends(message.id));
    });
  }
}
