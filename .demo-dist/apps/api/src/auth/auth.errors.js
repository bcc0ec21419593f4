"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthErrors = void 0;
const domain_error_1 = require("../../../../libs/errors/domain.error");
exports.AuthErrors = {
    tokenInvalid: () => new domain_error_1.DomainError('TOKEN_INVALID', 401, {}, { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } }),
    tokenExpired: () => new domain_error_1.DomainError('TOKEN_EXPIRED', 401, {}, { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } }),
    emailTaken: () => new domain_error_1.DomainError('EMAIL_TAKEN', 409),
    invalidCredentials: () => new domain_error_1.DomainError('INVALID_CREDENTIALS', 401),
    tooManyAttempts: (retryAfter) => new domain_error_1.DomainError('TOO_MANY_LOGIN_ATTEMPTS', 429, { retryAfter }, { headers: { 'retry-after': String(retryAfter) } }),
};
//# sourceMappingURL=auth.errors.js.map