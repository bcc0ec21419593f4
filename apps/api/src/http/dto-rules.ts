/** The input formats and normalisations that request DTOs of several domains share. */

import { ValidateBy, ValidationOptions } from 'class-validator';

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

/** Decimal places of a number as JavaScript writes it shortest, exponent included: 1.5e-7 has eight, 1e21 none. */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
}

/**
 * A finite number with at most `places` decimals, refused as `isNumber` otherwise. Not class-validator's
 * IsNumber({ maxDecimalPlaces }): it looks for the decimals after a '.', and throws on a number JavaScript writes
 * without one, such as 1e-7 (a 500 where the caller earned a 400, found by the fuzz test; typestack/class-validator
 * issue 1705, open).
 */
export function IsNumberWithDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNumber',
      constraints: [places],
      validator: { validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places },
    },
    options,
  );
}
