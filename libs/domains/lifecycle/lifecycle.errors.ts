import { DomainError } from '@lectern/errors/domain.error';

/** Refusals of an edition's lifecycle: cloning, postponing, rescheduling, cancelling, moving online. */
export const LifecycleErrors = {
  cloneSourceIsColocated: () => new DomainError('CLONE_SOURCE_COLOCATED', 409),
  datesRequired: () => new DomainError('EDITION_DATES_REQUIRED', 400),
  datesInPast: () => new DomainError('EDITION_DATES_IN_PAST', 400),
  alreadyOnline: () => new DomainError('EDITION_ALREADY_ONLINE', 409),
  mapIncomplete: (missing: string[]) =>
    new DomainError('MOVE_ONLINE_MAP_INCOMPLETE', 400, { missing: missing.join(', ') }, { fieldErrors: [{ field: 'ticketTypes', code: 'incomplete' }] }),
  mapInvalid: (index: number) => new DomainError('MOVE_ONLINE_MAP_INVALID', 400, {}, { fieldErrors: [{ field: `ticketTypes.${index}`, code: 'invalid' }] }),
  seatsExceeded: () => new DomainError('MOVE_ONLINE_SEATS_EXCEEDED', 409),
};
