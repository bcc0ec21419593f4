import { DomainEventType, DomainEvents } from '../../../../libs/audit/domain-events';
import { DEFAULT_LANGUAGE, LANGUAGES, Language } from '../../../../libs/i18n/i18n';
import { MessageData, MessageEvent, MessageTemplate } from '../../../../libs/mail/message-context';
import { NotificationsRepository, RecipientUser } from './notifications.repository';

export interface PlannedRecipient {
  /** One delivery per (outbox row, key): `user:<id>`, or `email:<address>` for people without an account. */
  key: string;
  userId: string | null;
  email: string;
  name: string | null;
  language: Language;
}

export type PlannedMessage = {
  [T in MessageTemplate]: { recipient: PlannedRecipient; template: T; data: MessageData[T] };
}[MessageTemplate];

export interface ResolverTools {
  lookups: NotificationsRepository;
  event: MessageEvent;
  /** When the domain event happened (the outbox row was written), for "who was involved at the time". */
  occurredAt: Date;
  /** An absolute link under PUBLIC_BASE_URL; each segment is URL-encoded. */
  link: (...segments: string[]) => string;
}

/** Turns one domain event into the messages it causes: who receives what. Reads only; runs inside the dispatch. */
export type Resolver<E extends DomainEventType> = (payload: DomainEvents[E], tools: ResolverTools) => Promise<PlannedMessage[]>;

export function languageOf(locale: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(locale ?? '') ? (locale as Language) : DEFAULT_LANGUAGE;
}

export function userRecipient(user: RecipientUser): PlannedRecipient {
  return { key: `user:${user.id}`, userId: user.id, email: user.email, name: user.name, language: languageOf(user.locale) };
}

export function message<T extends MessageTemplate>(recipient: PlannedRecipient, template: T, data: MessageData[T]): PlannedMessage {
  return { recipient, template, data } as PlannedMessage;
}

const ROLES = new Set<MessageData['role.granted']['role']>(['ORGANISER', 'REVIEWER', 'SCHOLARSHIP_COMMITTEE', 'CHECKIN_STAFF']);
const ANNOUNCED_STATUSES = new Set<MessageData['event.status_changed']['status']>(['PUBLISHED', 'POSTPONED', 'CANCELLED']);

/**
 * Which domain events cause messages. An event type without an entry is relayed without a dispatch job. To add
 * one (submission.submitted, registration.confirmed, ...): add a lookup to the repository and an entry here that
 * builds the template's MessageData; the templates already exist in libs/mail.
 */
export const RESOLVERS: { [E in DomainEventType]?: Resolver<E> } = {
  'role.granted': async (payload, { lookups, event, link }) => {
    const role = payload.role as MessageData['role.granted']['role'];
    if (!ROLES.has(role)) return [];
    const user = await lookups.findUser(payload.userId);
    if (!user) return [];
    return [message(userRecipient(user), 'role.granted', { role, eventUrl: link('events', event.slug) })];
  },

  // Everyone who helps run the edition hears when it is published, postponed or cancelled. (Speakers and
  // attendees join this list when their tables land.)
  'event.status_changed': async (payload, { lookups, event, occurredAt, link }) => {
    const status = payload.to as MessageData['event.status_changed']['status'];
    if (!ANNOUNCED_STATUSES.has(status)) return [];
    const people = await lookups.eventRoleHolders(payload.eventId, occurredAt);
    return people.map((user) => message(userRecipient(user), 'event.status_changed', { status, eventUrl: link('events', event.slug) }));
  },
};

export function resolverFor(type: string): Resolver<DomainEventType> | undefined {
  return (RESOLVERS as Record<string, Resolver<DomainEventType> | undefined>)[type];
}
