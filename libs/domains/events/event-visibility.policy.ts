import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { EventRole, EventStatus } from '@lectern/database/generated/enums';
import { CallerAccessColumns, EventRecord } from '@lectern/domains/events/events.repository';
import { EventErrors } from '@lectern/domains/events/events.errors';
import { AuthErrors } from '@lectern/domains/auth/auth.errors';
import { CommonErrors } from '@lectern/errors/domain.error';

/** An edition as one caller stands in it: the edition and the roles the caller holds there. */
export interface EventAccess {
  event: EventRecord;
  roles: EventRole[];
}

/**
 * The one visibility rule for editions: a draft exists only for administrators and for people holding a role in
 * it; every other status is public. Everything that loads an edition for a caller goes through here.
 */
export function canSeeEvent(event: { status: EventStatus }, roles: readonly EventRole[], user: AuthUser | undefined): boolean {
  return event.status !== EventStatus.DRAFT || Boolean(user?.isAdmin) || roles.length > 0;
}

/** The edition if the caller may see it; otherwise EVENT_NOT_FOUND, the same answer as for a slug that is not there. */
export function visibleEvent<E extends { status: EventStatus }>(
  slug: string,
  event: E | null | undefined,
  roles: readonly EventRole[],
  user: AuthUser | undefined,
): E {
  if (!event || !canSeeEvent(event, roles, user)) throw EventErrors.notFound(slug);
  return event;
}

/** Administrators organise every edition. */
export function isOrganiser(roles: readonly EventRole[], user: AuthUser | undefined): boolean {
  return Boolean(user?.isAdmin) || roles.includes(EventRole.ORGANISER);
}

/** The caller holds one of `allowed` in the edition, or administers everything; otherwise FORBIDDEN. */
export function assertHoldsRole(user: AuthUser, roles: readonly EventRole[], allowed: readonly EventRole[]): void {
  if (!user.isAdmin && !roles.some((role) => allowed.includes(role))) throw CommonErrors.forbidden();
}

/**
 * A call to a route that checks the caller in its own statement (callerAccessSql) instead of through the event
 * guard: who calls (a verified token's subject, the account not yet read), which edition, and the roles the route
 * admits.
 */
export interface EventCall {
  callerId: string;
  requestId: string;
  slug: string;
  allowed: readonly EventRole[];
}

/**
 * Judges what callerAccessSql read exactly as the event guard judges its own read, in the same order: an account
 * that is gone is TOKEN_INVALID, an edition the caller may not see is EVENT_NOT_FOUND, a missing role is FORBIDDEN.
 * Returns the caller as an actor of the request.
 */
export function roleAccess(call: EventCall, row: CallerAccessColumns): Actor {
  if (row.caller_email === null || row.caller_admin === null) throw AuthErrors.tokenInvalid();
  const actor: Actor = { id: call.callerId, email: row.caller_email, isAdmin: row.caller_admin, requestId: call.requestId };
  visibleEvent(call.slug, row.event_status === null ? null : { status: row.event_status }, row.event_roles, actor);
  assertHoldsRole(actor, row.event_roles, call.allowed);
  return actor;
}
