import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { TransactionHost } from '@lectern/database/transaction.host';
import { FieldError } from '@lectern/errors/domain.error';
import { Language } from '@lectern/i18n/i18n';
import { languageFor } from '@lectern/i18n/languages';
import { LocalizedText, checkLocalizedText, localizedText, optionalLocalizedText } from '@lectern/i18n/localized-text';
import { MessageContext, MessageEvent, MessageTemplate, OVERRIDABLE_TEMPLATES, TemplateOverride } from '@lectern/mail/message-context';
import { TEMPLATE_PLACEHOLDERS, renderMessage } from '@lectern/mail/render';
import { sampleData } from '@lectern/mail/sample-data';
import { unknownPlaceholders } from '@lectern/mail/template-text';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { EventRecord } from '@lectern/domains/events/events.repository';
import { AudienceRepository } from './audience.repository';
import { EmailTemplatesRepository, TemplateVersionRecord } from './email-templates.repository';
import { TemplatePreviewInput, TemplateTextsInput } from './email.types';
import { NotificationErrors } from './notifications.errors';

/** The edition as a message shows it. */
export function messageEventOf(event: EventRecord): MessageEvent {
  return {
    slug: event.slug,
    languages: event.series.languages,
    name: localizedText(event.name),
    city: localizedText(event.city),
    venue: optionalLocalizedText(event.venue),
    timezone: event.timezone,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
  };
}

/**
 * Checks organisers' wording for a message type: subject and body each in every language of the edition (one
 * language alone would send the others Lectern's default, a message half theirs), and only the placeholders the
 * message's context offers. Shared by templates and composed messages.
 */
export function assertWording(template: MessageTemplate, texts: TemplateTextsInput, languages: readonly Language[]): void {
  const languageErrors: FieldError[] = [];
  for (const [field, text] of Object.entries(texts) as [string, LocalizedText][]) {
    for (const problem of checkLocalizedText(text, languages, languages)) {
      languageErrors.push({
        field: `${field}.${problem.language}`,
        code: problem.code === 'LANGUAGE_MISSING' ? 'templateLanguageMissing' : problem.code === 'LANGUAGE_NOT_PUBLISHED' ? 'languageNotPublished' : 'languageTagInvalid',
        params: { language: problem.language, languages: languages.join(', ') },
      });
    }
  }
  if (languageErrors.length > 0) throw NotificationErrors.templateLanguages(languageErrors, languages);

  const allowed = TEMPLATE_PLACEHOLDERS[template];
  const unknown: { field: string; name: string }[] = [];
  for (const [field, text] of Object.entries(texts) as [string, LocalizedText][]) {
    for (const [language, value] of Object.entries(text)) {
      for (const name of unknownPlaceholders(value, allowed)) unknown.push({ field: `${field}.${language}`, name });
    }
  }
  if (unknown.length > 0) throw NotificationErrors.placeholderUnknown([...new Set(unknown.map((u) => u.name))], allowed, unknown);
}

function templateView(template: MessageTemplate, record: TemplateVersionRecord | undefined) {
  const overridden = Boolean(record?.subject && record.body);
  return {
    template,
    placeholders: [...TEMPLATE_PLACEHOLDERS[template]],
    overridden,
    version: record?.version ?? 0,
    subject: overridden ? record!.subject : null,
    body: overridden ? record!.body : null,
    updatedBy: record ? { id: record.createdById, name: record.createdByName } : null,
    updatedAt: record?.createdAt ?? null,
  };
}

const versionView = (record: TemplateVersionRecord) => ({
  version: record.version,
  reset: record.subject === null,
  subject: record.subject,
  body: record.body,
  createdBy: { id: record.createdById, name: record.createdByName },
  createdAt: record.createdAt,
});

/** Organisers' wording of each message type of their edition: read, change, reset, history and preview. */
@Injectable()
export class EmailTemplatesService {
  constructor(
    private readonly templates: EmailTemplatesRepository,
    private readonly audience: AudienceRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private static known(template: string): MessageTemplate {
    if (!(OVERRIDABLE_TEMPLATES as readonly string[]).includes(template)) throw NotificationErrors.templateNotFound(template);
    return template as MessageTemplate;
  }

  async list(access: EventAccess) {
    const current = new Map((await this.templates.current(access.event.id)).map((record) => [record.template, record]));
    return { items: OVERRIDABLE_TEMPLATES.map((template) => templateView(template, current.get(template))) };
  }

  async get(access: EventAccess, name: string) {
    const template = EmailTemplatesService.known(name);
    const current = (await this.templates.current(access.event.id)).find((record) => record.template === template);
    return templateView(template, current);
  }

  async history(access: EventAccess, name: string) {
    const template = EmailTemplatesService.known(name);
    return { items: (await this.templates.history(access.event.id, template)).map(versionView) };
  }

  /** A new version in force from the next message on; messages already resolved keep the wording they had. */
  async update(actor: Actor, access: EventAccess, name: string, input: TemplateTextsInput) {
    const template = EmailTemplatesService.known(name);
    assertWording(template, input, access.event.series.languages);
    return this.tx.run(async () => {
      const before = (await this.templates.current(access.event.id)).find((record) => record.template === template);
      const saved = await this.templates.addVersion(access.event.id, template, { subject: input.subject, body: input.body }, actor.id);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'email_template.updated',
        entityType: 'email_template',
        entityId: template,
        before: before?.subject ? { version: before.version, subject: before.subject, body: before.body } : null,
        after: { version: saved.version, subject: saved.subject, body: saved.body },
      });
      return templateView(template, saved);
    });
  }

  /** Back to Lectern's own wording; the history keeps every earlier version. */
  async reset(actor: Actor, access: EventAccess, name: string) {
    const template = EmailTemplatesService.known(name);
    return this.tx.run(async () => {
      const before = (await this.templates.current(access.event.id)).find((record) => record.template === template);
      if (!before?.subject) return templateView(template, before);
      const saved = await this.templates.addVersion(access.event.id, template, null, actor.id);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'email_template.reset',
        entityType: 'email_template',
        entityId: template,
        before: { version: before.version, subject: before.subject, body: before.body },
        after: { version: saved.version },
      });
      return templateView(template, saved);
    });
  }

  /**
   * The message as it would go out: for one person of the edition (their name and language) or, without one,
   * for a sample recipient in every language of the edition; always with sample data for the occasion.
   */
  async preview(access: EventAccess, name: string, input: TemplatePreviewInput) {
    const template = EmailTemplatesService.known(name);
    const languages = access.event.series.languages;
    let override: TemplateOverride | null;
    if (input.subject || input.body) {
      const draft = { subject: input.subject ?? {}, body: input.body ?? {} };
      assertWording(template, draft, languages);
      override = { version: 0, ...draft };
    } else {
      override = (await this.templates.overridesFor(access.event.id)).get(template) ?? null;
    }
    let recipients: { name: string | null; email: string; language: Language }[];
    if (input.recipientUserId) {
      const person = await this.audience.personOfEdition(access.event.id, input.recipientUserId);
      if (!person) throw NotificationErrors.previewRecipientNotFound();
      recipients = [{ name: person.name, email: person.email, language: languageFor(person.locale, languages) }];
    } else {
      recipients = languages.map((language) => ({ name: 'Ada Lovelace', email: 'ada@example.org', language }));
    }
    const event = messageEventOf(access.event);
    const data = sampleData(template, this.config.mail.publicBaseUrl, access.event.slug);
    return {
      items: recipients.map((recipient) => {
        const rendered = renderMessage({ template, recipient, event, data, override } as MessageContext);
        return { language: recipient.language, recipientEmail: recipient.email, subject: rendered.subject, text: rendered.text, html: rendered.html };
      }),
    };
  }
}
