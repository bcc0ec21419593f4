import { DomainError } from '@lectern/errors/domain.error';

/** Refusals of an edition's lifecycle: cloning, postponing, rescheduling, cancelling, moving online. */
export const LifecycleErrors = {
  cloneSourceIsColocated: () => new DomainError('CLONE_SOURCE_COLOCATED', 409),
  datesRequired: () => new DomainError('EDITION_DATES_REQUIRED', 400),
  datesInPast: () => new DomainError('EDITION_DATES_IN_PAST', 400),
};
