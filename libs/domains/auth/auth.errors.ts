import { DomainError } from '@lectern/errors/domain.error';

export const AuthErrors = {
  tokenInvalid: () => new DomainError('TOKEN_INVALID', 401, {}, { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } }),
  tokenExpired: () => new DomainError('TOKEN_EXPIRED', 401, {}, { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } }),
  emailTaken: () => new DomainError('EMAIL_TAKEN', 409),
  timeZoneInvalid: (timezone: string) => new DomainError('TIME_ZONE_INVALID', 400, { timezone }, { fieldErrors: [{ field: 'timeZone', code: 'invalid' }] }),
  invalidCredentials: () => new DomainError('INVALID_CREDENTIALS', 401),
  tooManyAttempts: (retryAfter: number) =>
    new DomainError('TOO_MANY_LOGIN_ATTEMPTS', 429, { retryAfter }, { headers: { 'retry-after': String(retryAfter) } }),
};
