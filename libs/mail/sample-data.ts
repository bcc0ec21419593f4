import { MessageData, MessageTemplate } from './message-context';

/**
 * What a preview shows when organisers ask for no real recipient: a plausible context for each message type.
 * Links point under `base` (PUBLIC_BASE_URL) like real ones.
 */
export function sampleData(template: MessageTemplate, base: string, slug: string): MessageData[MessageTemplate] {
  const link = (...segments: string[]) => `${base}/${['events', slug, ...segments].map(encodeURIComponent).join('/')}`;
  const title = 'Scheduling 10,000 pods';
  const confirmBy = '2030-05-01T10:00:00.000Z';
  const samples: { [T in MessageTemplate]: MessageData[T] } = {
    'role.granted': { role: 'REVIEWER', eventUrl: link() },
    'event.status_changed': { status: 'PUBLISHED', eventUrl: link() },
    'submission.received': { submissionTitle: title, submissionUrl: link('submissions', 'sample') },
    'cospeaker.invitation': { submissionTitle: title, inviterName: 'Ada Lovelace', respondUrl: link('invitations', 'sample'), expiresAt: confirmBy },
    'decision.accepted': { submissionTitle: title, speakerComments: ['A clear, useful talk.'], confirmBy, confirmUrl: link('submissions', 'sample') },
    'session.invited': { submissionTitle: title, confirmBy, confirmUrl: link('submissions', 'sample') },
    'decision.rejected': { submissionTitle: title, speakerComments: ['Please submit again next year.'] },
    'decision.waitlisted': { submissionTitle: title, speakerComments: [] },
    'confirmation.reminder': { submissionTitle: title, confirmBy, confirmUrl: link('submissions', 'sample') },
    'registration.confirmed': { ticketName: 'Individual', badgeToken: 'SAMPLE-BADGE', badgeUrl: link('registrations', 'sample') },
    'waitlist.offer': { ticketName: 'Individual', expiresAt: confirmBy, claimUrl: link('registrations', 'sample') },
    'registration.cancelled': { ticketName: 'Individual', reason: 'ATTENDEE' },
    'scholarship.awarded': {
      programmeName: 'Diversity scholarship',
      freeRegistration: true,
      travelGrant: { amountMinor: 50_000, currency: 'USD' },
      detailsUrl: link('scholarships'),
    },
    'webhook.disabled': { webhookUrl: 'https://hooks.example.org/lectern', failures: 50, settingsUrl: link('webhooks') },
    'schedule.released': { version: 1, sessions: [], programmeUrl: link('programme'), ics: '' },
    'edition.changed': {
      kind: 'POSTPONED',
      from: { startsAt: '2030-03-30T07:00:00.000Z', endsAt: '2030-04-02T16:00:00.000Z' },
      to: { startsAt: '2030-08-13T07:00:00.000Z', endsAt: '2030-08-16T16:00:00.000Z' },
      registration: { cancelled: false, refundDue: null },
      eventUrl: link(),
    },
    'compose.message': { subject: { en: 'A message from the organisers' }, body: { en: 'Hello {name}, see you at {event}.' } },
  };
  return samples[template];
}
