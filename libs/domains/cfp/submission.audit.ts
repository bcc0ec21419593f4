import { AuditInput } from '@lectern/audit/audit.repository';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';

/** The audit entry of a change to a submission, its speakers or its invitations, recorded with the event. */
export function submissionAudit(actor: Actor, access: EventAccess, action: string, id: string, before: unknown, after: unknown): AuditInput {
  return {
    eventId: access.event.id,
    actorId: actor.id,
    requestId: actor.requestId,
    action,
    entityType: 'submission',
    entityId: id,
    before,
    after,
  };
}
