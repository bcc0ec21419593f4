import { toZonedIso } from '@lectern/clock/zoned-time';
import { EventRole } from '@lectern/database/generated/enums';
import { ScholarshipErrors } from './scholarships.errors';
import { AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';

/**
 * Who may read what. Application content and self-described answers are for the applicant and the scholarship
 * committee (administrators count as committee, as they pass every role check); organisers get counts and amounts.
 */
export const isCommittee = (user: AuthUser, access: EventAccess) =>
  user.isAdmin || access.roles.includes(EventRole.SCHOLARSHIP_COMMITTEE);

export const isStaff = (user: AuthUser | undefined, access: EventAccess) =>
  !!user && (user.isAdmin || access.roles.includes(EventRole.ORGANISER) || access.roles.includes(EventRole.SCHOLARSHIP_COMMITTEE));

export interface ApplicationWindow {
  opensAt: Date;
  closesAt: Date;
}

/** Open from opensAt to closesAt, both included: "closes at 23:59:59" still accepts that second. */
export const isWindowOpen = (window: ApplicationWindow, now: Date) =>
  now.getTime() >= window.opensAt.getTime() && now.getTime() <= window.closesAt.getTime();

export function assertWindowOpen(window: ApplicationWindow, timezone: string, now: Date): void {
  if (now.getTime() < window.opensAt.getTime()) throw ScholarshipErrors.notOpenYet(toZonedIso(window.opensAt, timezone), timezone);
  if (now.getTime() > window.closesAt.getTime()) throw ScholarshipErrors.closed(toZonedIso(window.closesAt, timezone), timezone);
}
