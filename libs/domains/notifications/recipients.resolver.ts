import { DomainEventType, DomainEvents } from '@lectern/audit/domain-events';
import { Language } from '@lectern/i18n/i18n';
import { languageFor, matchLanguage } from '@lectern/i18n/languages';
import { MessageData, MessageEvent, MessageTemplate } from '@lectern/mail/message-context';
import { LocalizedText, textIn } from '@lectern/i18n/localized-text';
import { feedHistory } from '@lectern/domains/programme/feeds.history';
import { renderCalendar } from '@lectern/domains/programme/ical';
import { Changelog, ReleasedSession, speakersToTell } from '@lectern/domains/programme/release.policy';
import { TranslatedName, DeliveriesRepository, RecipientUser, SubmissionForMessage } from './deliveries.repository';

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
  lookups: DeliveriesRepository;
  event: MessageEvent;
  /** When the domain event happened (the outbox row was written), for "who was involved at the time". */
  occurredAt: Date;
  /** An absolute link under PUBLIC_BASE_URL; each segment is URL-encoded. */
  link: (...segments: string[]) => string;
}

/** Turns one domain event into the messages it causes: who receives what. Reads only; runs inside the dispatch. */
export type Resolver<E extends DomainEventType> = (payload: DomainEvents[E], tools: ResolverTools) => Promise<PlannedMessage[]>;


/** A user as recipient, in their own language if the edition publishes in it, else the edition's primary one. */
export function userRecipient(user: RecipientUser, event: MessageEvent): PlannedRecipient {
  return { key: `user:${user.id}`, userId: user.id, email: user.email, name: user.name, language: languageFor(user.locale, event.languages) };
}

export function message<T extends MessageTemplate>(recipient: PlannedRecipient, template: T, data: MessageData[T]): PlannedMessage {
  return { recipient, template, data } as PlannedMessage;
}

/** A name the organisers gave in the edition's languages, in the recipient's (else the edition's primary). */
function nameIn(language: Language, value: TranslatedName, event: MessageEvent): string {
  return textIn(value.name, language, event.languages) ?? '';
}

type Decision = DomainEvents['submission.decision_released']['decision'];

/**
 * The decision a submission's state stands for once released (an accepted talk stays accepted when its speakers
 * confirm or decline). A released message whose decision the submission no longer holds (a waitlisted talk
 * promoted, an accepted one withdrawn before the message went out) is superseded and not sent.
 */
function standingDecision(submission: SubmissionForMessage): Decision | null {
  switch (submission.state) {
    case 'ACCEPTED':
    case 'CONFIRMED':
    case 'DECLINED':
      return 'ACCEPTED';
    case 'REJECTED':
      return 'REJECTED';
    case 'WAITLISTED':
      return 'WAITLISTED';
    default:
      return null;
  }
}

const CANCEL_REASONS = new Set<string>(['ATTENDEE', 'ORGANISER', 'OFFER_EXPIRED'] satisfies MessageData['registration.cancelled']['reason'][]);
const COUNTING_AWARD_STATES = new Set(['OFFERED', 'ACCEPTED']);

const ROLES = new Set<MessageData['role.granted']['role']>(['ORGANISER', 'REVIEWER', 'SCHOLARSHIP_COMMITTEE', 'CHECKIN_STAFF']);
const ANNOUNCED_STATUSES = new Set<MessageData['event.status_changed']['status']>(['PUBLISHED', 'POSTPONED', 'CANCELLED']);

/**
 * Which domain events cause messages. An event type without an entry is relayed without a dispatch job. To add
 * one: add a lookup to the repository and an entry here that builds the template's MessageData; the templates
 * live in libs/mail. Resolvers read the domain's rows as they are at dispatch, so a message whose occasion is
 * gone by then (an invitation revoked, a registration cancelled, an award revoked) is not sent.
 */
export const RESOLVERS: { [E in DomainEventType]?: Resolver<E> } = {
  'role.granted': async (payload, { lookups, event, link }) => {
    const role = payload.role as MessageData['role.granted']['role'];
    if (!ROLES.has(role)) return [];
    const user = await lookups.findUser(payload.userId);
    if (!user) return [];
    return [message(userRecipient(user, event), 'role.granted', { role, eventUrl: link('events', event.slug) })];
  },

  // A postponement, rescheduling or cancellation through the lifecycle routes (changeId) reaches everybody it
  // concerns; any other status change, everyone who helps run the edition.
  'event.status_changed': async (payload, tools) => {
    const { lookups, event, occurredAt, link } = tools;
    if (payload.changeId) return editionChanged(payload.eventId, payload.changeId, tools);
    const status = payload.to as MessageData['event.status_changed']['status'];
    if (!ANNOUNCED_STATUSES.has(status)) return [];
    const people = await lookups.eventRoleHolders(payload.eventId, occurredAt);
    return people.map((user) => message(userRecipient(user, event), 'event.status_changed', { status, eventUrl: link('events', event.slug) }));
  },

  'event.moved_online': async (payload, tools) => editionChanged(payload.eventId, payload.changeId, tools),

  'submission.submitted': async (payload, { lookups, event, occurredAt, link }) => {
    const submission = await lookups.submissionOf(payload.eventId, payload.submissionId);
    if (!submission) return [];
    const speakers = await lookups.submissionSpeakers(submission.id, occurredAt);
    const data = { submissionTitle: submission.title, submissionUrl: link('events', event.slug, 'submissions', submission.id) };
    return speakers.map((user) => message(userRecipient(user, event), 'submission.received', data));
  },

  // The invitee may have no account yet: the message goes to the invited address, in the language of the account
  // registered with it, else the talk's language, else the inviter's. An invitation revoked or answered by then
  // is not sent.
  'cospeaker.invited': async (payload, { lookups, event, link }) => {
    const invitation = await lookups.cospeakerInvitation(payload.eventId, payload.submissionId, payload.invitationId);
    if (!invitation || invitation.status !== 'PENDING' || !invitation.inviter) return [];
    const talkLanguage = invitation.talkLanguage && matchLanguage(invitation.talkLanguage, event.languages) ? invitation.talkLanguage : null;
    const recipient: PlannedRecipient = {
      key: `email:${invitation.email}`,
      userId: null,
      email: invitation.email,
      name: invitation.invitee?.name ?? null,
      language: languageFor(invitation.invitee?.locale ?? talkLanguage ?? invitation.inviter.locale, event.languages),
    };
    return [
      message(recipient, 'cospeaker.invitation', {
        submissionTitle: invitation.submissionTitle,
        inviterName: invitation.inviter.name,
        respondUrl: link('events', event.slug, 'cospeaker-invitations', payload.invitationId),
        expiresAt: null,
      }),
    ];
  },

  // An invited session is accepted from the start and, like an accepted proposal, waits for its owner to confirm;
  // its speakers never proposed it, so they get an invitation rather than an acceptance.
  'session.invited': async (payload, { lookups, event, occurredAt, link }) => {
    const submission = await lookups.submissionOf(payload.eventId, payload.submissionId);
    if (!submission || standingDecision(submission) !== 'ACCEPTED') return [];
    const speakers = await lookups.submissionSpeakers(submission.id, occurredAt);
    const data = {
      submissionTitle: submission.title,
      confirmBy: await lookups.confirmBy(submission.id),
      confirmUrl: link('events', event.slug, 'submissions', submission.id, 'confirm'),
    };
    return speakers.map((user) => message(userRecipient(user, event), 'session.invited', data));
  },

  'submission.decision_released': async (payload, { lookups, event, occurredAt, link }) => {
    const submission = await lookups.submissionOf(payload.eventId, payload.submissionId);
    if (!submission || standingDecision(submission) !== payload.decision) return [];
    const speakers = await lookups.submissionSpeakers(submission.id, occurredAt);
    if (speakers.length === 0) return [];
    const speakerComments = submission.origin === 'CFP' ? await lookups.speakerComments(submission.id) : [];
    const submissionTitle = submission.title;
    if (payload.decision === 'ACCEPTED') {
      const confirmUrl = link('events', event.slug, 'submissions', submission.id, 'confirm');
      const data = { submissionTitle, speakerComments, confirmBy: await lookups.confirmBy(submission.id), confirmUrl };
      return speakers.map((user) => message(userRecipient(user, event), 'decision.accepted', data));
    }
    const template = payload.decision === 'REJECTED' ? 'decision.rejected' : 'decision.waitlisted';
    return speakers.map((user) => message(userRecipient(user, event), template, { submissionTitle, speakerComments }));
  },

  // The same messages as for a proposal of the edition's own CFP, in the name of the edition that decided; a
  // proposal withdrawn by then is not told. The edition sets no confirmation deadline of its own.
  'submission.offer_decision_released': async (payload, { lookups, event, occurredAt, link }) => {
    const submission = await lookups.offeredSubmissionOf(payload.eventId, payload.submissionId);
    if (!submission || submission.state !== 'SUBMITTED' || submission.decision !== payload.decision) return [];
    const speakers = await lookups.submissionSpeakers(submission.id, occurredAt);
    const speakerComments = await lookups.speakerComments(submission.id);
    const submissionTitle = submission.title;
    if (payload.decision === 'ACCEPTED') {
      const confirmUrl = link('events', event.slug, 'offers', submission.id, 'confirm');
      return speakers.map((user) => message(userRecipient(user, event), 'decision.accepted', { submissionTitle, speakerComments, confirmBy: null, confirmUrl }));
    }
    const template = payload.decision === 'REJECTED' ? 'decision.rejected' : 'decision.waitlisted';
    return speakers.map((user) => message(userRecipient(user, event), template, { submissionTitle, speakerComments }));
  },

  // Only the owner confirms or declines, so only the owner is reminded, and only while the talk still waits.
  'submission.confirmation_reminder': async (payload, { lookups, event, occurredAt, link }) => {
    const submission = await lookups.submissionOf(payload.eventId, payload.submissionId);
    if (!submission || submission.state !== 'ACCEPTED') return [];
    const owners = await lookups.submissionSpeakers(submission.id, occurredAt, true);
    const data = {
      submissionTitle: submission.title,
      confirmBy: await lookups.confirmBy(submission.id),
      confirmUrl: link('events', event.slug, 'submissions', submission.id, 'confirm'),
    };
    return owners.map((user) => message(userRecipient(user, event), 'confirmation.reminder', data));
  },

  // The account holder, who manages the registration, hears about it. A badge is never sent for a registration
  // that was cancelled before the message went out.
  'registration.confirmed': async (payload, { lookups, event, link }) => {
    const registration = await lookups.registrationOf(payload.eventId, payload.registrationId);
    if (!registration || registration.state !== 'CONFIRMED') return [];
    const recipient = userRecipient(registration.user, event);
    return [
      message(recipient, 'registration.confirmed', {
        ticketName: nameIn(recipient.language, registration.ticket, event),
        badgeToken: registration.badgeToken,
        badgeUrl: link('badges', registration.badgeToken),
      }),
    ];
  },

  'registration.cancelled': async (payload, { lookups, event }) => {
    const registration = await lookups.registrationOf(payload.eventId, payload.registrationId);
    const reason = registration?.cancelReason;
    if (!registration || registration.state !== 'CANCELLED' || !reason || !CANCEL_REASONS.has(reason)) return [];
    const recipient = userRecipient(registration.user, event);
    return [
      message(recipient, 'registration.cancelled', {
        ticketName: nameIn(recipient.language, registration.ticket, event),
        reason: reason as MessageData['registration.cancelled']['reason'],
      }),
    ];
  },

  // Only an offer that still stands: one already taken up, or run out before the message went out, is not
  // announced (its lapse has a message of its own).
  'waitlist.offered': async (payload, { lookups, event, link }) => {
    const registration = await lookups.registrationOf(payload.eventId, payload.registrationId);
    if (!registration || registration.state !== 'WAITLISTED' || !registration.offerLive) return [];
    if (registration.offerExpiresAt?.toISOString() !== new Date(payload.expiresAt).toISOString()) return [];
    const recipient = userRecipient(registration.user, event);
    return [
      message(recipient, 'waitlist.offer', {
        ticketName: nameIn(recipient.language, registration.ticket, event),
        expiresAt: registration.offerExpiresAt.toISOString(),
        claimUrl: link('events', event.slug, 'registrations', payload.registrationId, 'accept-offer'),
      }),
    ];
  },

  // An award revoked or declined before the message went out is not announced.
  'scholarship.awarded': async (payload, { lookups, event, link }) => {
    const award = await lookups.scholarshipAwardOf(payload.eventId, payload.applicationId, payload.awardId);
    if (!award || !COUNTING_AWARD_STATES.has(award.state)) return [];
    const recipient = userRecipient(award.user, event);
    return [
      message(recipient, 'scholarship.awarded', {
        programmeName: nameIn(recipient.language, award.programme, event),
        freeRegistration: award.includesRegistration,
        travelGrant: award.travelGrantMinor > 0 ? { amountMinor: award.travelGrantMinor, currency: award.currency } : null,
        detailsUrl: link('events', event.slug, 'scholarships', 'awards', payload.awardId),
      }),
    ];
  },

  // Still subscribed (not deleted meanwhile): every organiser of the edition hears, in their language.
  'webhook.disabled': async (payload, { lookups, event, link }) => {
    const url = await lookups.webhookUrl(payload.eventId, payload.subscriptionId);
    if (url === null) return [];
    const organisers = await lookups.eventOrganisers(payload.eventId);
    const data = { webhookUrl: url, failures: payload.failures, settingsUrl: link('events', event.slug, 'webhooks', payload.subscriptionId) };
    return organisers.map((user) => message(userRecipient(user, event), 'webhook.disabled', data));
  },
  'schedule.released': scheduleReleased,
};

/**
 * Each speaker with a new or moved session in a release hears once, in their language, with all their sessions
 * of that version and an .ics of them (UIDs stable per session, SEQUENCE the version that last changed the session, as
 * in the feeds, so calendars update).
 */
async function scheduleReleased(payload: DomainEvents['schedule.released'], { lookups, event, link }: ResolverTools): Promise<PlannedMessage[]> {
  const release = await lookups.scheduleReleaseOf(payload.eventId, payload.releaseId);
  if (!release) return [];
  const sessions = release.sessions as unknown as ReleasedSession[];
  const log = release.changelog as unknown as Changelog;
  const tell = speakersToTell(sessions, log);
  if (tell.size === 0) return [];
  const [users, rooms, versions] = await Promise.all([
    lookups.findUsers([...tell.keys()]),
    lookups.roomNamesOf(payload.eventId),
    lookups.releasedVersionsOf(payload.eventId, release.version),
  ]);
  // the feeds' SEQUENCE for each session, so a calendar fed by both the e-mail and a feed sees one event, not two versions of it
  const { sequence } = feedHistory(versions);
  const roomNames = new Map(rooms.map((room) => [room.id, room.name as LocalizedText]));
  const moved = new Set(log.moved.map((m) => m.submissionId));
  const added = new Set(log.new);
  const programmeUrl = link('events', event.slug, 'programme');
  return users.map((user) => {
    const recipient = userRecipient(user, event);
    const mine = sessions.filter((s) => s.speakerIds.includes(user.id)).sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.code.localeCompare(b.code));
    const room = (id: string) => textIn(roomNames.get(id), recipient.language, event.languages) ?? '';
    const ics = renderCalendar({
      name: textIn(event.name, recipient.language, event.languages) ?? '',
      stamp: release.releasedAt,
      events: mine.map((s) => ({
        uid: `${s.submissionId}@lectern`,
        start: new Date(s.startsAt),
        end: new Date(s.endsAt),
        summary: s.title,
        location: room(s.roomId),
        url: programmeUrl,
        sequence: sequence.get(s.submissionId) ?? release.version,
      })),
    });
    return message(recipient, 'schedule.released', {
      version: release.version,
      sessions: mine.map((s) => ({
        code: s.code,
        title: s.title,
        room: room(s.roomId),
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        change: added.has(s.submissionId) ? ('NEW' as const) : moved.has(s.submissionId) ? ('MOVED' as const) : null,
      })),
      programmeUrl,
      ics,
    });
  });
}

/** One message per person concerned, each with their own registration's fate; nothing when the change is gone. */
async function editionChanged(eventId: string, changeId: string, { lookups, event, link }: ResolverTools): Promise<PlannedMessage[]> {
  const change = await lookups.editionChange(eventId, changeId);
  if (!change) return [];
  const audience = await lookups.editionAudience(eventId, change.createdAt);
  const to = change.toStartsAt && change.toEndsAt ? { startsAt: change.toStartsAt.toISOString(), endsAt: change.toEndsAt.toISOString() } : null;
  const from = { startsAt: change.fromStartsAt.toISOString(), endsAt: change.fromEndsAt.toISOString() };
  const eventUrl = link('events', event.slug);
  const kind = change.kind === 'MOVED_ONLINE' && change.toFormat === 'HYBRID' ? 'MOVED_HYBRID' : change.kind;
  return audience.map((person) => {
    const registration =
      person.registrationState === null
        ? null
        : {
            cancelled: person.registrationState === 'CANCELLED',
            refundDue: person.refundDueCents && person.currency ? { amountMinor: person.refundDueCents, currency: person.currency } : null,
          };
    return message(userRecipient(person, event), 'edition.changed', { kind, from, to, registration, eventUrl });
  });
}

export function resolverFor(type: string): Resolver<DomainEventType> | undefined {
  return (RESOLVERS as Record<string, Resolver<DomainEventType> | undefined>)[type];
}
