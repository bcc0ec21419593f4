import { DomainError } from '@lectern/errors/domain.error';

export const IntegrationErrors = {
  /** The route is not open to API tokens at all (account, token and webhook management, personal routes). */
  tokenRouteNotAllowed: () => new DomainError('API_TOKEN_ROUTE_NOT_ALLOWED', 403),
  tokenScopeMissing: (scope: string) => new DomainError('API_TOKEN_SCOPE_MISSING', 403, { scope }),
  tokenWrongEvent: () => new DomainError('API_TOKEN_WRONG_EVENT', 403),
  tokenNotFound: () => new DomainError('API_TOKEN_NOT_FOUND', 404),
  tokenTargetRequired: () => new DomainError('API_TOKEN_TARGET_REQUIRED', 400),
  tokenNoRole: () => new DomainError('API_TOKEN_NO_ROLE', 403),
  tokenExpiryInvalid: (maxDays: number) => new DomainError('API_TOKEN_EXPIRY_INVALID', 400, { maxDays }),
};

export const WebhookErrors = {
  targetUnsafe: (problem: string) => new DomainError('WEBHOOK_TARGET_UNSAFE', 400, { problem }),
  notFound: () => new DomainError('WEBHOOK_NOT_FOUND', 404),
  deliveryNotFound: () => new DomainError('WEBHOOK_DELIVERY_NOT_FOUND', 404),
};
