import { AuthUser } from '@lectern/domains/auth/auth.types';
import { EventRole, EventStatus } from '@lectern/database/generated/enums';
import { EventRecord } from '@lectern/domains/events/events.repository';
import { EventErrors } from '@lectern/domains/events/events.errors';

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
