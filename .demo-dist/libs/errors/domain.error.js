"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CommonErrors = exports.DomainError = void 0;
/**
 * Everything a service refuses is a DomainError: a stable `code` (also the i18n key of its message under
 * `errors:`), the HTTP status it maps to, and the values its message interpolates. Services never build HTTP
 * responses; the problem filter does.
 */
class DomainError extends Error {
    code;
    status;
    params;
    fieldErrors;
    /** Response headers that belong to this refusal (Retry-After, WWW-Authenticate). */
    headers;
    /** Extra members of the problem document (RFC 9457 extensions). */
    extensions;
    constructor(code, status, params = {}, extra = {}) {
        super(code);
        this.code = code;
        this.status = status;
        this.params = params;
        this.name = 'DomainError';
        this.fieldErrors = extra.fieldErrors ?? [];
        this.headers = extra.headers ?? {};
        this.extensions = extra.extensions ?? {};
    }
}
exports.DomainError = DomainError;
/** Errors every module may raise. Domain folders define their own next to their service. */
exports.CommonErrors = {
    validation: (fieldErrors) => new DomainError('VALIDATION_FAILED', 400, {}, { fieldErrors }),
    malformedJson: () => new DomainError('MALFORMED_JSON', 400),
    payloadTooLarge: (limit) => new DomainError('PAYLOAD_TOO_LARGE', 413, { limit }),
    unsupportedMediaType: () => new DomainError('UNSUPPORTED_MEDIA_TYPE', 415),
    routeNotFound: (method, path) => new DomainError('ROUTE_NOT_FOUND', 404, { method, path }),
    unauthenticated: () => new DomainError('UNAUTHENTICATED', 401, {}, { headers: { 'www-authenticate': 'Bearer' } }),
    forbidden: () => new DomainError('FORBIDDEN', 403),
    badRequest: () => new DomainError('BAD_REQUEST', 400),
    internal: () => new DomainError('INTERNAL', 500),
    unavailable: () => new DomainError('SERVICE_UNAVAILABLE', 503),
};
//# sourceMappingURL=domain.error.js.map