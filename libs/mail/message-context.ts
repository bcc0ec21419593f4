import { Language } from '@lectern/i18n/i18n';
import { LocalizedText } from '@lectern/i18n/localized-text';

/**
 * Everything a message template may show, as plain JSON-safe data: templates never query anything, so they are
 * tested with fixture contexts and a delivery row can store its context and be rendered again for a resend.
 * Instants are ISO 8601 strings; URLs are built by the resolver from PUBLIC_BASE_URL and are the only values
 * that become links. Every other string is untrusted text (titles, names, comments) and is escaped.
 */
export interface MessageData {
  'role.granted': { role: 'ORGANISER' | 'REVIEWER' | 'SCHOLARSHIP_COMMITTEE' | 'CHECKIN_STAFF'; eventUrl: string };
  'event.status_changed': { status: 'PUBLISHED' | 'POSTPONED' | 'CANCELLED'; eventUrl: string };
  'submission.received': { submissionTitle: string; submissionUrl: string };
  'cospeaker.invitation': { submissionTitle: string; inviterName: string; respondUrl: string; expiresAt: string | null };
  'decision.accepted': {
    submissionTitle: string;
    /** Only the reviewer comments meant for speakers; never internal ones. */
    speakerComments: string[];
    confirmBy: string | null;
    confirmUrl: string;
  };
  /** An organiser put the talk in the programme directly: nobody proposed or reviewed it. */
  'session.invited': { submissionTitle: string; confirmBy: string | null; confirmUrl: string };
  'decision.rejected': { submissionTitle: string; speakerComments: string[] };
  'decision.waitlisted': { submissionTitle: string; speakerComments: string[] };
  'confirmation.reminder': { submissionTitle: string; confirmBy: string | null; confirmUrl: string };
  'registration.confirmed': { ticketName: string; badgeToken: string; badgeUrl: string };
  'waitlist.offer': { ticketName: string; expiresAt: string; claimUrl: string };
  'registration.cancelled': { ticketName: string; reason: 'ATTENDEE' | 'ORGANISER' | 'OFFER_EXPIRED' };
  'scholarship.awarded': {
    programmeName: string;
    freeRegistration: boolean;
    travelGrant: { amountMinor: number; currency: string } | null;
    detailsUrl: string;
  };
  /** A webhook subscription was switched off after failing too often in a row; sent to the edition's organisers. */
  'webhook.disabled': { webhookUrl: string; failures: number; settingsUrl: string };
  /** A version of the programme was released with new or moved sessions of the recipient's. */
  'schedule.released': {
    version: number;
    /** Every session of the recipient's in the version, in time order; `change` says what is new to them. */
    sessions: { code: string; title: string; room: string; startsAt: string; endsAt: string; change: 'NEW' | 'MOVED' | null }[];
    programmeUrl: string;
    /** The recipient's sessions as iCalendar text, attached as an .ics file. */
    ics: string;
  };
  /**
   * The edition was postponed (to new dates, or to dates `to` null: to be announced), rescheduled, cancelled or
   * moved online (MOVED_HYBRID: online with in-person tickets kept); one message per person, whatever their parts in
   * it. `registration` is the recipient's own.
   */
  'edition.changed': {
    kind: 'POSTPONED' | 'RESCHEDULED' | 'CANCELLED' | 'MOVED_ONLINE' | 'MOVED_HYBRID';
    from: { startsAt: string; endsAt: string };
    to: { startsAt: string; endsAt: string } | null;
    registration: { cancelled: boolean; refundDue: { amountMinor: number; currency: string } | null } | null;
    eventUrl: string;
  };
  /** A message organisers composed to an audience: their own subject and body per language of the edition. */
  'compose.message': { subject: LocalizedText; body: LocalizedText };
}

export type MessageTemplate = keyof MessageData;

export const MESSAGE_TEMPLATES = [
  'role.granted',
  'event.status_changed',
  'submission.received',
  'cospeaker.invitation',
  'decision.accepted',
  'session.invited',
  'decision.rejected',
  'decision.waitlisted',
  'confirmation.reminder',
  'registration.confirmed',
  'waitlist.offer',
  'registration.cancelled',
  'scholarship.awarded',
  'webhook.disabled',
  'schedule.released',
  'edition.changed',
  'compose.message',
] as const satisfies readonly MessageTemplate[];

/** The message types whose wording organisers may override per edition (a composed message is all theirs). */
export const OVERRIDABLE_TEMPLATES = MESSAGE_TEMPLATES.filter((template) => template !== 'compose.message');

/**
 * An edition's wording of a message type, in each of its languages, as it stood when the message's recipients
 * were resolved: it replaces the default subject and paragraphs; links, facts and quotes stay as they are.
 */
export interface TemplateOverride {
  version: number;
  subject: LocalizedText;
  body: LocalizedText;
}

export interface MessageRecipient {
  name: string | null;
  email: string;
  language: Language;
  /** The IANA zone the reader gave; times of online editions are shown in it too. */
  timeZone?: string | null;
}

/** The edition a message is about, as of the moment its recipients were resolved. */
export interface MessageEvent {
  slug: string;
  /** The languages the edition publishes in, its primary first: what names fall back to. */
  languages: Language[];
  name: LocalizedText;
  city: LocalizedText;
  venue: LocalizedText | null;
  timezone: string;
  startsAt: string;
  endsAt: string;
  /** Absent in contexts stored before editions moved online. */
  format?: 'IN_PERSON' | 'VIRTUAL' | 'HYBRID';
}

export type MessageContext<T extends MessageTemplate = MessageTemplate> = {
  [K in T]: { template: K; recipient: MessageRecipient; event: MessageEvent; data: MessageData[K]; override?: TemplateOverride | null };
}[T];

export interface MessageAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  attachments?: MessageAttachment[];
}
