/**
 * Every domain event recorded in the outbox, with its payload. Payloads carry ids, not personal data: the
 * notification relay looks recipients up when it delivers, so a message never goes out with stale details and no
 * personal data sits in Redis.
 */
export interface DomainEvents {
  'event.created': { eventId: string; slug: string };
  /** `changeId`: a postponement, rescheduling or cancellation (edition_changes), told to everyone concerned. */
  'event.status_changed': { eventId: string; from: string; to: string; changeId?: string };
  /** The edition moved online (edition_changes row `changeId`); its status did not change. */
  'event.moved_online': { eventId: string; changeId: string };
  'role.granted': { eventId: string; userId: string; role: string };
  'submission.submitted': { eventId: string; submissionId: string };
  'submission.withdrawn': { eventId: string; submissionId: string };
  'submission.state_changed': { eventId: string; submissionId: string; from: string; to: string };
  'cospeaker.invited': { eventId: string; submissionId: string; invitationId: string };
  /** An organiser added a session directly (invited keynote, maintainer slot); its speakers are told. */
  'session.invited': { eventId: string; submissionId: string };
  /** An organiser decided (or cleared a decision); speakers hear nothing until 'submission.decision_released'. */
  'submission.decision_recorded': { eventId: string; submissionId: string; decision: 'ACCEPTED' | 'REJECTED' | 'WAITLISTED' | null };
  'submission.decision_released': { eventId: string; submissionId: string; decision: 'ACCEPTED' | 'REJECTED' | 'WAITLISTED' };
  /** An edition of a shared CFP released its decision on a proposal offered to it (eventId is that edition). */
  'submission.offer_decision_released': { eventId: string; submissionId: string; decision: 'ACCEPTED' | 'REJECTED' | 'WAITLISTED' };
  'submission.confirmation_reminder': { eventId: string; submissionId: string };
  'registration.confirmed': { eventId: string; registrationId: string };
  'registration.cancelled': { eventId: string; registrationId: string };
  'waitlist.offered': { eventId: string; registrationId: string; expiresAt: string };
  'scholarship.awarded': { eventId: string; applicationId: string; awardId: string };
  /** A badge's first scan of the day; `day` is the event's local date. */
  'registration.checked_in': { eventId: string; registrationId: string; day: string };
  /** A webhook subscription failed too often in a row and was switched off; its organisers are told. */
  'webhook.disabled': { eventId: string; subscriptionId: string; failures: number };
  /** A transparency report was published: anyone may download it from now on. */
  'report.published': { eventId: string; reportId: string };
  /** A version of the schedule was released; speakers with new or moved sessions are told, with an .ics. */
  'schedule.released': { eventId: string; releaseId: string; version: number };
  /** Organisers sent a message they composed (again, for a second send); its audience is resolved at dispatch. */
  'compose.sent': { eventId: string; messageId: string; sendId: string };
}

export type DomainEventType = keyof DomainEvents;
