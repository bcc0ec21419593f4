/** The input formats and normalisations that request DTOs of several domains share. */

/** Lower-case words joined by single hyphens: identifiers that go in URLs and reports (slugs, programme keys). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** ISO 4217 currency codes, upper case after `upper`. */
export const CURRENCY = /^[A-Z]{3}$/;

/** An instant (`Z` or `+08:00`) or a wall-clock time read in the event's time zone. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/;
export const DATE_TIME_DOC = 'ISO 8601. With an offset (Z, +08:00) it is an instant; without one it is read in the event’s time zone.';

/** @Transform helpers: applied before validation, to strings only (anything else is left for the validators to refuse). */
export const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value);
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
