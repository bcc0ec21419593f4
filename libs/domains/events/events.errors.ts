import { DomainError, FieldError } from '@lectern/errors/domain.error';

export const EventErrors = {
  notFound: (slug: string) => new DomainError('EVENT_NOT_FOUND', 404, { slug }),
  slugTaken: (slug: string) => new DomainError('EVENT_SLUG_TAKEN', 409, { slug }),
  seriesNotFound: (slug: string) => new DomainError('SERIES_NOT_FOUND', 404, { slug }),
  languagesInvalid: (supported: readonly string[], fieldErrors: FieldError[]) =>
    new DomainError('SERIES_LANGUAGES_INVALID', 400, { languages: supported.join(', ') }, { fieldErrors }),
  seriesSlugTaken: (slug: string) => new DomainError('SERIES_SLUG_TAKEN', 409, { slug }),
  datesInvalid: () => new DomainError('EVENT_DATES_INVALID', 400),
  timezoneInvalid: (timezone: string) => new DomainError('EVENT_TIMEZONE_INVALID', 400, { timezone }),
  statusTransition: (from: string, to: string) => new DomainError('EVENT_STATUS_TRANSITION', 409, { from, to }),
  parentInvalid: () => new DomainError('PARENT_EVENT_INVALID', 400),
  userNotFound: (email: string) => new DomainError('USER_NOT_FOUND', 404, { email }),
  grantNotFound: () => new DomainError('ROLE_GRANT_NOT_FOUND', 404),
  lastOrganiser: () => new DomainError('LAST_ORGANISER', 409),
};
