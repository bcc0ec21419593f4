/**
 * What subscribers hear: each webhook event type, the outbox domain event it comes from, and the data it carries.
 * Payloads carry ids and states only, which every organiser may read through the API; nothing an attendee
 * described about themselves, no names, no e-mail addresses. Subscribers fetch details with an API token.
 */
export const WEBHOOK_EVENT_TYPES = [
  'proposal.submitted',
  'proposal.withdrawn',
  'decision.released',
  'speaker.confirmed',
  'speaker.declined',
  'registration.confirmed',
  'registration.cancelled',
  'checkin.recorded',
  'scholarship.awarded',
  'edition.status_changed',
  'report.published',
  'schedule.released',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The payload format; a change that is not backwards compatible gets a new number. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

export interface WebhookMessage {
  type: WebhookEventType;
  data: Record<string, string>;
}

const pick = (payload: Record<string, unknown>, keys: string[]): Record<string, string> =>
  Object.fromEntries(keys.filter((k) => typeof payload[k] === 'string').map((k) => [k, payload[k] as string]));

/** The webhook an outbox row causes, if any. */
export function webhookFor(outboxType: string, payload: Record<string, unknown>): WebhookMessage | null {
  switch (outboxType) {
    case 'submission.submitted':
      return { type: 'proposal.submitted', data: pick(payload, ['eventId', 'submissionId']) };
    case 'submission.withdrawn':
      return { type: 'proposal.withdrawn', data: pick(payload, ['eventId', 'submissionId']) };
    case 'submission.decision_released':
    case 'submission.offer_decision_released':
      return { type: 'decision.released', data: pick(payload, ['eventId', 'submissionId', 'decision']) };
    case 'submission.state_changed':
      if (payload.to === 'CONFIRMED') return { type: 'speaker.confirmed', data: pick(payload, ['eventId', 'submissionId']) };
      if (payload.to === 'DECLINED') return { type: 'speaker.declined', data: pick(payload, ['eventId', 'submissionId']) };
      return null;
    case 'registration.confirmed':
      return { type: 'registration.confirmed', data: pick(payload, ['eventId', 'registrationId']) };
    case 'registration.cancelled':
      return { type: 'registration.cancelled', data: pick(payload, ['eventId', 'registrationId']) };
    case 'registration.checked_in':
      return { type: 'checkin.recorded', data: pick(payload, ['eventId', 'registrationId', 'day']) };
    case 'scholarship.awarded':
      return { type: 'scholarship.awarded', data: pick(payload, ['eventId', 'applicationId', 'awardId']) };
    case 'report.published':
      return { type: 'report.published', data: pick(payload, ['eventId', 'reportId']) };
    case 'schedule.released':
      // the version is a number; subscribers read it with the release id
      return { type: 'schedule.released', data: pick(payload, ['eventId', 'releaseId']) };
    case 'event.status_changed':
      return { type: 'edition.status_changed', data: pick(payload, ['eventId', 'from', 'to']) };
    default:
      return null;
  }
}

/** The body every attempt of a delivery sends, byte for byte (it is what the signature covers). */
export function webhookBody(message: WebhookMessage, occurredAt: Date): string {
  return JSON.stringify({ type: message.type, version: WEBHOOK_PAYLOAD_VERSION, timestamp: occurredAt.toISOString(), data: message.data });
}
