import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES, webhookFor } from '@lectern/domains/integrations/webhook-events';

describe('webhook events from outbox rows', () => {
  it('tells subscribers a report was published and a schedule released, with ids only', () => {
    expect(webhookFor('report.published', { eventId: 'e', reportId: 'r' })).toEqual({ type: 'report.published', data: { eventId: 'e', reportId: 'r' } });
    expect(webhookFor('schedule.released', { eventId: 'e', releaseId: 'v', version: 2 })).toEqual({
      type: 'schedule.released',
      data: { eventId: 'e', releaseId: 'v' },
    });
  });

  it('maps every outbox type it knows to a listed webhook type, and others to none', () => {
    for (const type of ['report.published', 'schedule.released', 'registration.confirmed', 'event.status_changed']) {
      expect(WEBHOOK_EVENT_TYPES).toContain(webhookFor(type, { eventId: 'e' })?.type);
    }
    expect(webhookFor('role.granted', { eventId: 'e' })).toBeNull();
  });
});
