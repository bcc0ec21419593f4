import { DomainError, FieldError } from '@lectern/errors/domain.error';

/** One place that keeps a series from dropping a language (or from taking a new primary one): how many texts where. */
export interface LanguageUse {
  /** The edition's slug; null for the series' own name. */
  event: string | null;
  /** `table.column`, or `reports` for published reports. */
  field: string;
  language: string;
  uses: number;
}

const places = (uses: LanguageUse[]) => uses.map((u) => `${u.event ?? 'series'}: ${u.field} (${u.language})`).join('; ');

export const EventErrors = {
  notFound: (slug: string) => new DomainError('EVENT_NOT_FOUND', 404, { slug }),
  slugTaken: (slug: string) => new DomainError('EVENT_SLUG_TAKEN', 409, { slug }),
  seriesNotFound: (slug: string) => new DomainError('SERIES_NOT_FOUND', 404, { slug }),
  languagesInvalid: (supported: readonly string[], fieldErrors: FieldError[]) =>
    new DomainError('SERIES_LANGUAGES_INVALID', 400, { languages: supported.join(', ') }, { fieldErrors }),
  /** The new list leaves out a language some text or published report of the series is in. */
  languageInUse: (uses: LanguageUse[]) =>
    new DomainError('SERIES_LANGUAGE_IN_USE', 409, { languages: [...new Set(uses.map((u) => u.language))].join(', '), places: places(uses) }, { extensions: { languageUses: uses } }),
  /** No language at all, or a primary language that texts of the series lack. */
  primaryLanguageMissing: (language: string | null, uses: LanguageUse[] = []) =>
    language === null
      ? new DomainError('SERIES_PRIMARY_LANGUAGE_MISSING', 400, { context: 'none' })
      : new DomainError('SERIES_PRIMARY_LANGUAGE_MISSING', 409, { language, places: places(uses) }, { extensions: { languageUses: uses } }),
  /** A translated text was written while the series' languages changed under it. */
  languagesChanged: () => new DomainError('SERIES_LANGUAGES_CHANGED', 409),
  seriesSlugTaken: (slug: string) => new DomainError('SERIES_SLUG_TAKEN', 409, { slug }),
  datesInvalid: () => new DomainError('EVENT_DATES_INVALID', 400),
  timezoneInvalid: (timezone: string) => new DomainError('EVENT_TIMEZONE_INVALID', 400, { timezone }),
  statusTransition: (from: string, to: string) => new DomainError('EVENT_STATUS_TRANSITION', 409, { from, to }),
  parentInvalid: () => new DomainError('PARENT_EVENT_INVALID', 400),
  userNotFound: (email: string) => new DomainError('USER_NOT_FOUND', 404, { email }),
  grantNotFound: () => new DomainError('ROLE_GRANT_NOT_FOUND', 404),
  lastOrganiser: () => new DomainError('LAST_ORGANISER', 409),
};
