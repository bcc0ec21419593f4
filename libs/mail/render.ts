import { TFunction } from 'i18next';
import { Language, i18n } from '@lectern/i18n/i18n';
import { scriptOf } from '@lectern/i18n/languages';
import { MessageAttachment, MessageContext, MessageData, MessageEvent, MessageTemplate, RenderedMessage, TemplateOverride } from './message-context';
import { textIn } from '@lectern/i18n/localized-text';
import { fillPlaceholders, paragraphsOf } from './template-text';

type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'quotes'; heading: string; items: string[] }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'action'; label: string; url: string };

interface Draft {
  subject: string;
  blocks: Block[];
  /** What organisers' wording may say through placeholders, already made safe (see TEMPLATE_PLACEHOLDERS). */
  values: Record<string, string>;
  attachments?: MessageAttachment[];
}

interface Helpers {
  t: TFunction;
  language: Language;
  event: MessageEvent;
  /** The event's name in the recipient's language, already made safe. */
  eventName: string;
  /** The values of COMMON_PLACEHOLDERS, already made safe. */
  common: { name: string; event: string };
  instant: (iso: string) => string;
  /** A span of time; for an online edition in its zone and, when they gave another, the reader's: "06:00–14:00 PDT / 15:00–23:00 GMT+2". */
  span: (startIso: string, endIso: string) => string;
}

// Bidirectional overrides and isolates let a title display differently from what it contains.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// Everything below U+0020 except tab and newline, plus DEL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * Untrusted text (titles, names, comments, even event names) loses control characters and anything that mail
 * clients would turn into a link on their own (`https://…`, `www.…`), so a speaker cannot smuggle a clickable
 * link into a message sent in the event's name. Markup is harmless here: the HTML part escapes every value.
 */
export function untrusted(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROLS, '')
    .replace(/\b([a-z][a-z0-9+.-]{0,30}):\/\//gi, '$1[:]//')
    .replace(/\bwww\./gi, 'www[.]');
}

/** One line, for headers and labels: newlines in a title must never start a new header. */
function singleLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Links come only from resolvers (PUBLIC_BASE_URL + ids); anything but http(s) is a bug, never rendered. */
function linkTarget(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`refusing to link to ${parsed.protocol} URL`);
  return parsed.toString();
}

function formatter(language: Language, timeZone: string, options: Intl.DateTimeFormatOptions) {
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
  }
}

/** One span in one zone, with the zone's short name as Intl words it in the language. */
function spanIn(language: Language, timeZone: string, start: Date, end: Date): string {
  const range = formatter(language, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).formatRange(start, end);
  const zone = formatter(language, timeZone, { timeZoneName: 'short' }).formatToParts(start).find((part) => part.type === 'timeZoneName')?.value;
  return zone ? `${range} ${zone}` : range;
}

function helpers(language: Language, event: MessageEvent, recipientName: string | null, readerZone?: string | null): Helpers {
  const t = i18n().getFixedT(language, 'email');
  const moment = formatter(language, event.timezone, { dateStyle: 'long', timeStyle: 'short' });
  const online = event.format === 'VIRTUAL' || event.format === 'HYBRID';
  const day = formatter(language, event.timezone, { dateStyle: 'long' });
  const name = textIn(event.name, language, event.languages) ?? event.slug;
  return {
    t,
    language,
    event,
    eventName: singleLine(untrusted(name)),
    common: { name: recipientName ? singleLine(untrusted(recipientName)) : '', event: singleLine(untrusted(name)) },
    instant: (iso) => t('common.instant', { time: moment.format(new Date(iso)), timezone: event.timezone }),
    span: (startIso, endIso) => {
      const start = new Date(startIso);
      const end = new Date(endIso);
      if (!online) return t('common.dateRange', { start: day.format(start), end: day.format(end) });
      const own = spanIn(language, event.timezone, start, end);
      return readerZone && readerZone !== event.timezone ? `${own} / ${spanIn(language, readerZone, start, end)}` : own;
    },
  };
}

function eventFacts(h: Helpers): Block {
  const city = untrusted(textIn(h.event.city, h.language, h.event.languages) ?? '');
  const venue = textIn(h.event.venue, h.language, h.event.languages);
  const place = venue ? `${untrusted(venue)}, ${city}` : city;
  return {
    kind: 'facts',
    rows: [
      { label: h.t('labels.event'), value: h.eventName },
      { label: h.t('labels.dates'), value: h.span(h.event.startsAt, h.event.endsAt) },
      { label: h.t('labels.place'), value: singleLine(place) },
    ],
  };
}

function comments(h: Helpers, items: string[]): Block[] {
  const kept = items.map((c) => untrusted(c).trim()).filter((c) => c.length > 0);
  return kept.length > 0 ? [{ kind: 'quotes', heading: h.t('common.reviewerComments'), items: kept }] : [];
}

type Builder<T extends MessageTemplate> = (data: MessageData[T], h: Helpers) => Draft;

const p = (text: string): Block => ({ kind: 'paragraph', text });

const BUILDERS: { [T in MessageTemplate]: Builder<T> } = {
  'role.granted': (d, h) => {
    const role = h.t(`roles.${d.role}`);
    return {
      values: { role, event_url: d.eventUrl },
    subject: h.t('roleGranted.subject', { role, event: h.eventName }),
      blocks: [
        p(h.t('roleGranted.intro', { role, event: h.eventName })),
        p(h.t(`roleGranted.what.${d.role}`)),
        { kind: 'action', label: h.t('roleGranted.action'), url: d.eventUrl },
        eventFacts(h),
      ],
    };
  },
  'event.status_changed': (d, h) => ({
    values: { event_url: d.eventUrl },
    subject: h.t(`eventStatus.${d.status}.subject`, { event: h.eventName }),
    blocks: [
      p(h.t(`eventStatus.${d.status}.body`, { event: h.eventName })),
      { kind: 'action', label: h.t('eventStatus.action'), url: d.eventUrl },
      eventFacts(h),
    ],
  }),
  'submission.received': (d, h) => {
    const title = singleLine(untrusted(d.submissionTitle));
    return {
      values: { title, submission_url: d.submissionUrl },
    subject: h.t('submissionReceived.subject', { title }),
      blocks: [
        p(h.t('submissionReceived.intro', { title, event: h.eventName })),
        p(h.t('submissionReceived.next')),
        { kind: 'action', label: h.t('submissionReceived.action'), url: d.submissionUrl },
        eventFacts(h),
      ],
    };
  },
  'cospeaker.invitation': (d, h) => {
    const title = singleLine(untrusted(d.submissionTitle));
    const inviter = singleLine(untrusted(d.inviterName));
    return {
      values: { title, inviter, respond_url: d.respondUrl, expires_at: d.expiresAt ? h.instant(d.expiresAt) : '' },
    subject: h.t('cospeakerInvitation.subject', { inviter, title }),
      blocks: [
        p(h.t('cospeakerInvitation.intro', { inviter, title, event: h.eventName })),
        p(h.t('cospeakerInvitation.explain')),
        ...(d.expiresAt ? [p(h.t('cospeakerInvitation.expires', { date: h.instant(d.expiresAt) }))] : []),
        { kind: 'action', label: h.t('cospeakerInvitation.action'), url: d.respondUrl },
        p(h.t('cospeakerInvitation.ignore')),
        eventFacts(h),
      ],
    };
  },
  'decision.accepted': (d, h) => {
    const title = singleLine(untrusted(d.submissionTitle));
    return {
      values: { title, confirm_by: d.confirmBy ? h.instant(d.confirmBy) : '', confirm_url: d.confirmUrl },
    subject: h.t('decisionAccepted.subject', { title, event: h.eventName }),
      blocks: [
        p(h.t('decisionAccepted.intro', { title, event: h.eventName })),
        p(d.confirmBy ? h.t('decisionAccepted.confirmBy', { date: h.instant(d.confirmBy) }) : h.t('decisionAccepted.confirm')),
        { kind: 'action', label: h.t('decisionAccepted.action'), url: d.confirmUrl },
        ...comments(h, d.speakerComments),
        eventFacts(h),
      ],
    };
  },
  'session.invited': (d, h) => {
    const title = singleLine(untrusted(d.submissionTitle));
    return {
      values: { title, confirm_by: d.confirmBy ? h.instant(d.confirmBy) : '', confirm_url: d.confirmUrl },
    subject: h.t('sessionInvited.subject', { title, event: h.eventName }),
      blocks: [
        p(h.t('sessionInvited.intro', { title, event: h.eventName })),
        p(d.confirmBy ? h.t('sessionInvited.confirmBy', { date: h.instant(d.confirmBy) }) : h.t('sessionInvited.confirm')),
        { kind: 'action', label: h.t('sessionInvited.action'), url: d.confirmUrl },
        eventFacts(h),
      ],
    };
  },
  'decision.rejected': (d, h) => {
    const title = singleLine(untrusted(d.submissionTitle));
    return {
      values: { title },
    subject: h.t('decisionRejected.subject', { title }),
      blocks: [
        p(h.t('decisionRejected.intro', { title, event: h.eventName })),
        p(h.t('decisionRejected.encourage')),
        ...comments(h, d.speakerComments),
        eventFacts(h),
      ],
    };
  },
  'decision.waitlisted': (d, h) => {
    const title = singleLine(untrusted(d.submissionTitle));
    return {
      values: { title },
    subject: h.t('decisionWaitlisted.subject', { title }),
      blocks: [
        p(h.t('decisionWaitlisted.intro', { title, event: h.eventName })),
        p(h.t('decisionWaitlisted.next')),
        ...comments(h, d.speakerComments),
        eventFacts(h),
      ],
    };
  },
  'confirmation.reminder': (d, h) => {
    const title = singleLine(untrusted(d.submissionTitle));
    return {
      values: { title, confirm_by: d.confirmBy ? h.instant(d.confirmBy) : '', confirm_url: d.confirmUrl },
    subject: h.t('confirmationReminder.subject', { title }),
      blocks: [
        p(h.t('confirmationReminder.intro', { title, event: h.eventName })),
        p(d.confirmBy ? h.t('confirmationReminder.deadline', { date: h.instant(d.confirmBy) }) : h.t('confirmationReminder.soon')),
        { kind: 'action', label: h.t('confirmationReminder.action'), url: d.confirmUrl },
        eventFacts(h),
      ],
    };
  },
  'registration.confirmed': (d, h) => {
    const ticket = singleLine(untrusted(d.ticketName));
    return {
      values: { ticket, badge_code: singleLine(untrusted(d.badgeToken)), badge_url: d.badgeUrl },
    subject: h.t('registrationConfirmed.subject', { event: h.eventName }),
      blocks: [
        p(h.t('registrationConfirmed.intro', { ticket, event: h.eventName })),
        {
          kind: 'facts',
          rows: [
            { label: h.t('labels.ticket'), value: ticket },
            { label: h.t('labels.badgeCode'), value: singleLine(untrusted(d.badgeToken)) },
          ],
        },
        p(h.t('registrationConfirmed.badge')),
        { kind: 'action', label: h.t('registrationConfirmed.action'), url: d.badgeUrl },
        eventFacts(h),
      ],
    };
  },
  'waitlist.offer': (d, h) => {
    const ticket = singleLine(untrusted(d.ticketName));
    const until = h.instant(d.expiresAt);
    return {
      values: { ticket, expires_at: until, claim_url: d.claimUrl },
    subject: h.t('waitlistOffer.subject', { event: h.eventName }),
      blocks: [
        p(h.t('waitlistOffer.intro', { ticket, event: h.eventName, date: until })),
        { kind: 'facts', rows: [{ label: h.t('labels.ticket'), value: ticket }, { label: h.t('labels.offerExpires'), value: until }] },
        p(h.t('waitlistOffer.expiry')),
        { kind: 'action', label: h.t('waitlistOffer.action'), url: d.claimUrl },
        eventFacts(h),
      ],
    };
  },
  'registration.cancelled': (d, h) => {
    const ticket = singleLine(untrusted(d.ticketName));
    return {
      values: { ticket },
    subject: h.t('registrationCancelled.subject', { event: h.eventName }),
      blocks: [
        p(h.t(`registrationCancelled.reason.${d.reason}`, { ticket, event: h.eventName })),
        p(h.t('registrationCancelled.questions')),
        eventFacts(h),
      ],
    };
  },
  'edition.changed': (d, h) => {
    const range = (dates: { startsAt: string; endsAt: string }) => h.span(dates.startsAt, dates.endsAt);
    const rows = [
      { label: h.t('labels.event'), value: h.eventName },
      { label: h.t('editionChanged.previousDates'), value: range(d.from) },
    ];
    if (d.kind !== 'CANCELLED') rows.push({ label: h.t('labels.dates'), value: d.to ? range(d.to) : h.t('editionChanged.datesTba') });
    const blocks: Block[] = [p(h.t(`editionChanged.${d.kind}.body`, { event: h.eventName })), { kind: 'facts', rows }];
    if (d.registration) {
      const refund = d.registration.refundDue;
      const money = refund ? new Intl.NumberFormat(h.language, { style: 'currency', currency: refund.currency }) : null;
      const amount = refund && money ? money.format(refund.amountMinor / 10 ** (money.resolvedOptions().maximumFractionDigits ?? 2)) : null;
      if (d.registration.cancelled) blocks.push(p(h.t(amount ? 'editionChanged.registrationCancelledRefund' : 'editionChanged.registrationCancelled', { amount })));
      else blocks.push(p(h.t(d.kind === 'POSTPONED' ? 'editionChanged.registrationKeptMayCancel' : 'editionChanged.registrationKept')));
    }
    blocks.push({ kind: 'action', label: h.t('eventStatus.action'), url: d.eventUrl });
    return { values: { event_url: d.eventUrl }, subject: h.t(`editionChanged.${d.kind}.subject`, { event: h.eventName }), blocks };
  },
  'scholarship.awarded': (d, h) => {
    const programme = singleLine(untrusted(d.programmeName));
    const rows = [{ label: h.t('labels.programme'), value: programme }];
    if (d.freeRegistration) rows.push({ label: h.t('labels.freeRegistration'), value: h.t('scholarshipAwarded.included') });
    if (d.travelGrant) {
      const money = new Intl.NumberFormat(h.language, { style: 'currency', currency: d.travelGrant.currency });
      // amounts are in the currency's minor units: cents for USD, fen for CNY, but whole yen for JPY
      const minorUnits = 10 ** (money.resolvedOptions().maximumFractionDigits ?? 2);
      rows.push({ label: h.t('labels.travelGrant'), value: money.format(d.travelGrant.amountMinor / minorUnits) });
    }
    return {
      values: { programme, details_url: d.detailsUrl },
    subject: h.t('scholarshipAwarded.subject', { programme, event: h.eventName }),
      blocks: [
        p(h.t('scholarshipAwarded.intro', { programme, event: h.eventName })),
        { kind: 'facts', rows },
        p(h.t('scholarshipAwarded.next')),
        { kind: 'action', label: h.t('scholarshipAwarded.action'), url: d.detailsUrl },
        eventFacts(h),
      ],
    };
  },
  'webhook.disabled': (d, h) => {
    const url = singleLine(untrusted(d.webhookUrl));
    return {
      values: { webhook_url: url, failures: String(d.failures), settings_url: d.settingsUrl },
    subject: h.t('webhookDisabled.subject', { event: h.eventName }),
      blocks: [
        p(h.t('webhookDisabled.intro', { url, failures: d.failures, event: h.eventName })),
        p(h.t('webhookDisabled.next')),
        { kind: 'action', label: h.t('webhookDisabled.action'), url: d.settingsUrl },
      ],
    };
  },
  'schedule.released': (d, h) => ({
    values: { version: String(d.version), programme_url: d.programmeUrl },
    subject: h.t('scheduleReleased.subject', { event: h.eventName, version: d.version }),
    blocks: [
      p(h.t('scheduleReleased.intro', { event: h.eventName, version: d.version })),
      {
        kind: 'facts',
        rows: d.sessions.map((session) => {
          const when = h.t('scheduleReleased.slot', { time: h.instant(session.startsAt), room: singleLine(untrusted(session.room)) });
          return {
            label: singleLine(untrusted(`${session.title} (${session.code})`)),
            value: session.change ? `${when} ${h.t(`scheduleReleased.change.${session.change}`)}` : when,
          };
        }),
      },
      p(h.t('scheduleReleased.attachment')),
      { kind: 'action', label: h.t('scheduleReleased.action'), url: d.programmeUrl },
      eventFacts(h),
    ],
    attachments: [{ filename: 'sessions.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: d.ics }],
  }),
  'compose.message': (d, h) => {
    const values = h.common;
    return {
      values,
      subject: fillPlaceholders(textIn(d.subject, h.language, h.event.languages) ?? '', values),
      blocks: paragraphsOf(fillPlaceholders(textIn(d.body, h.language, h.event.languages) ?? '', values)).map(p),
    };
  },
};

/** Placeholders every message offers: the recipient's name and the edition's. */
const COMMON_PLACEHOLDERS = ['name', 'event'] as const;

/**
 * The placeholders organisers' wording of each message type may use: the common ones and what that message's
 * context holds (a unit test renders every template with sample data and compares). Links are plain URLs in
 * the text; the message's own button stays below the organisers' paragraphs.
 */
export const TEMPLATE_PLACEHOLDERS: { [T in MessageTemplate]: readonly string[] } = {
  'role.granted': [...COMMON_PLACEHOLDERS, 'role', 'event_url'],
  'event.status_changed': [...COMMON_PLACEHOLDERS, 'event_url'],
  'submission.received': [...COMMON_PLACEHOLDERS, 'title', 'submission_url'],
  'cospeaker.invitation': [...COMMON_PLACEHOLDERS, 'title', 'inviter', 'respond_url', 'expires_at'],
  'decision.accepted': [...COMMON_PLACEHOLDERS, 'title', 'confirm_by', 'confirm_url'],
  'session.invited': [...COMMON_PLACEHOLDERS, 'title', 'confirm_by', 'confirm_url'],
  'decision.rejected': [...COMMON_PLACEHOLDERS, 'title'],
  'decision.waitlisted': [...COMMON_PLACEHOLDERS, 'title'],
  'confirmation.reminder': [...COMMON_PLACEHOLDERS, 'title', 'confirm_by', 'confirm_url'],
  'registration.confirmed': [...COMMON_PLACEHOLDERS, 'ticket', 'badge_code', 'badge_url'],
  'waitlist.offer': [...COMMON_PLACEHOLDERS, 'ticket', 'expires_at', 'claim_url'],
  'registration.cancelled': [...COMMON_PLACEHOLDERS, 'ticket'],
  'scholarship.awarded': [...COMMON_PLACEHOLDERS, 'programme', 'details_url'],
  'webhook.disabled': [...COMMON_PLACEHOLDERS, 'webhook_url', 'failures', 'settings_url'],
  'schedule.released': [...COMMON_PLACEHOLDERS, 'version', 'programme_url'],
  'edition.changed': [...COMMON_PLACEHOLDERS, 'event_url'],
  'compose.message': COMMON_PLACEHOLDERS,
};

function renderText(greeting: string, blocks: Block[], closing: string[], colon: string): string {
  const parts = [greeting];
  for (const block of blocks) {
    if (block.kind === 'paragraph') parts.push(block.text);
    else if (block.kind === 'quotes') {
      parts.push([block.heading, ...block.items.map((item) => item.split('\n').map((line) => `> ${line}`).join('\n'))].join('\n\n'));
    } else if (block.kind === 'facts') parts.push(block.rows.map((r) => `${r.label}${colon}${r.value}`).join('\n'));
    else parts.push(`${block.label}${colon.trim()}\n${linkTarget(block.url)}`);
  }
  parts.push(`-- \n${closing.join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}

/**
 * The CJK system fonts of each script, after the Latin ones: mail clients take the first font that has a glyph, so a
 * Chinese font listed first would draw Japanese kanji in their Chinese forms. Latin-script messages keep the
 * Simplified Chinese fonts for the Chinese names they may quote.
 */
const CJK_FONTS: Record<string, string> = {
  Hans: "'PingFang SC','Microsoft YaHei'",
  Hant: "'PingFang TC','Microsoft JhengHei'",
  Jpan: "'Hiragino Sans','Hiragino Kaku Gothic ProN','Yu Gothic','Meiryo'",
  Kore: "'Apple SD Gothic Neo','Malgun Gothic'",
};

const bodyStyle = (language: Language) =>
  `margin:0;padding:24px;background:#f4f4f5;font-family:-apple-system,'Segoe UI',Helvetica,Arial,${CJK_FONTS[scriptOf(language)] ?? CJK_FONTS.Hans},sans-serif;color:#18181b;`;

const STYLE = {
  card: 'max-width:600px;margin:0 auto;background:#ffffff;padding:32px;border-radius:8px;',
  p: 'margin:0 0 16px;line-height:1.55;font-size:15px;',
  quote: 'margin:0 0 12px;padding:8px 14px;border-left:3px solid #d4d4d8;color:#3f3f46;line-height:1.5;',
  th: 'text-align:left;padding:4px 16px 4px 0;font-weight:600;vertical-align:top;white-space:nowrap;',
  td: 'padding:4px 0;vertical-align:top;',
  button: 'display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;',
  footer: 'margin:24px 0 0;color:#71717a;font-size:13px;line-height:1.5;',
};

function renderHtml(language: Language, subject: string, greeting: string, blocks: Block[], closing: string[]): string {
  const e = escapeHtml;
  const multiline = (text: string) => e(text).replace(/\n/g, '<br>');
  const body = blocks.map((block) => {
    if (block.kind === 'paragraph') return `<p style="${STYLE.p}">${multiline(block.text)}</p>`;
    if (block.kind === 'quotes') {
      return [
        `<p style="${STYLE.p}"><strong>${e(block.heading)}</strong></p>`,
        ...block.items.map((item) => `<blockquote style="${STYLE.quote}">${multiline(item)}</blockquote>`),
      ].join('\n');
    }
    if (block.kind === 'facts') {
      const rows = block.rows.map((r) => `<tr><th style="${STYLE.th}">${e(r.label)}</th><td style="${STYLE.td}">${e(r.value)}</td></tr>`);
      return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;font-size:14px;">${rows.join('')}</table>`;
    }
    return `<p style="${STYLE.p}"><a href="${e(linkTarget(block.url))}" style="${STYLE.button}">${e(block.label)}</a></p>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>`,
    `<body style="${bodyStyle(language)}"><div style="${STYLE.card}">`,
    `<p style="${STYLE.p}">${e(greeting)}</p>`,
    ...body,
    `<p style="${STYLE.footer}">${closing.map(e).join('<br>')}</p>`,
    '</div></body></html>',
    '',
  ].join('\n');
}

/**
 * The organisers' wording in place of the default's subject and paragraphs, in the recipient's language (else
 * the edition's first that has it); what the default shows besides (links, facts, quotes) follows it.
 */
function overridden(draft: Draft, override: TemplateOverride, h: Helpers): Draft {
  const values = { ...draft.values, ...h.common };
  const subject = textIn(override.subject, h.language, h.event.languages) ?? draft.subject;
  const body = textIn(override.body, h.language, h.event.languages) ?? '';
  return {
    ...draft,
    values,
    subject: fillPlaceholders(subject, values),
    blocks: [...paragraphsOf(fillPlaceholders(body, values)).map(p), ...draft.blocks.filter((block) => block.kind !== 'paragraph')],
  };
}

function draftOf(context: MessageContext, h: Helpers): Draft {
  const build = BUILDERS[context.template] as Builder<MessageTemplate>;
  const draft = build(context.data, h);
  return context.override ? overridden(draft, context.override, h) : draft;
}

/** Subject, plain-text part (always) and HTML part of one message, in the recipient's language. */
export function renderMessage(context: MessageContext): RenderedMessage {
  const language = context.recipient.language;
  const h = helpers(language, context.event, context.recipient.name, context.recipient.timeZone);
  const draft = draftOf(context, h);
  const greeting = h.common.name ? h.t('common.greeting', { name: h.common.name }) : h.t('common.greetingAnonymous');
  const closing = [h.t('common.signature', { event: h.eventName }), h.t('common.footer', { event: h.eventName })];
  const subject = singleLine(draft.subject);
  return {
    subject,
    text: renderText(greeting, draft.blocks, closing, h.t('common.colon')),
    html: renderHtml(language, subject, greeting, draft.blocks, closing),
    ...(draft.attachments ? { attachments: draft.attachments } : {}),
  };
}

/** Only the subject, for listings (the organisers' view shows what each recipient saw). */
export function renderSubject(context: MessageContext): string {
  return singleLine(draftOf(context, helpers(context.recipient.language, context.event, context.recipient.name)).subject);
}

/** The placeholders a message's context offers, with their values: what a test compares with TEMPLATE_PLACEHOLDERS. */
export function placeholderValues(context: MessageContext): Record<string, string> {
  const h = helpers(context.recipient.language, context.event, context.recipient.name);
  return { ...draftOf(context, h).values, ...h.common };
}
