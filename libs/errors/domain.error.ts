/** A field-level problem in a request body or query, reported in the problem's `errors` array. */
export interface FieldError {
  /** Dotted path of the field, e.g. `speakers.0.email`. */
  field: string;
  /** Stable machine code, e.g. `isEmail`, `unknownField`. */
  code: string;
  /** Values the translated message interpolates (limits, allowed values). */
  params?: Record<string, string | number>;
}

/**
 * Everything a service refuses is a DomainError: a stable `code` (also the i18n key of its message under
 * `errors:`), the HTTP status it maps to, and the values its message interpolates. Services never build HTTP
 * responses; the problem filter does.
 */
export class DomainError extends Error {
  readonly fieldErrors: FieldError[];
  /** Response headers that belong to this refusal (Retry-After, WWW-Authenticate). */
  readonly headers: Record<string, string>;
  /** Extra members of the problem document (RFC 9457 extensions). */
  readonly extensions: Record<string, unknown>;

  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    extra: { fieldErrors?: FieldError[]; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
  ) {
    super(code);
    this.name = 'DomainError';
    this.fieldErrors = extra.fieldErrors ?? [];
    this.headers = extra.headers ?? {};
    this.extensions = extra.extensions ?? {};
  }
}

/** Errors every module may raise. Domain folders define their own next to their service. */
export const CommonErrors = {
  validation: (fieldErrors: FieldError[]) => new DomainError('VALIDATION_FAILED', 400, {}, { fieldErrors }),
  malformedJson: () => new DomainError('MALFORMED_JSON', 400),
  payloadTooLarge: (limit: number) => new DomainError('PAYLOAD_TOO_LARGE', 413, { limit }),
  unsupportedMediaType: () => new DomainError('UNSUPPORTED_MEDIA_TYPE', 415),
  routeNotFound: (method: string, path: string) => new DomainError('ROUTE_NOT_FOUND', 404, { method, path }),
  unauthenticated: () => new DomainError('UNAUTHENTICATED', 401, {}, { headers: { 'www-authenticate': 'Bearer' } }),
  forbidden: () => new DomainError('FORBIDDEN', 403),
  tooManyRequests: (retryAfter: number) =>
    new DomainError('TOO_MANY_REQUESTS', 429, { retryAfter }, { headers: { 'retry-after': String(retryAfter) } }),
  badRequest: () => new DomainError('BAD_REQUEST', 400),
  internal: () => new DomainError('INTERNAL', 500),
  unavailable: () => new DomainError('SERVICE_UNAVAILABLE', 503),
  // a pool frees connections within milliseconds when it frees them at all: a second is a fair time to come back
  databaseBusy: () => new DomainError('DATABASE_BUSY', 503, { retryAfter: 1 }, { headers: { 'retry-after': '1' } }),
};
