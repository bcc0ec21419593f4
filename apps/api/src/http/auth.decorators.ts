import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { CommonErrors } from '@lectern/errors/domain.error';
import { Actor, AuthUser, Caller } from '@lectern/domains/auth/auth.types';
import { ApiTokenGrant } from '@lectern/domains/integrations/api-tokens.types';

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
    /**
     * The verified token's subject, where the account is read in a statement the request runs anyway: by the event
     * guard on a GET (ACCOUNT_READ_WITH_EVENT), which then sets `user`, or by the route itself (AccountReadByRoute);
     * either refuses the token if the account is gone.
     */
    tokenSubject?: string;
    /** Set when the request came with an API token; `user` is then the token's creator. */
    apiToken?: ApiTokenGrant;
  }
}

export const IS_PUBLIC = 'lectern:public';

/** The route needs no token; a token that is sent is still checked, so public routes can tailor what they show. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Set by the event guards: on a GET they read the caller's account together with the edition and the roles
 * (EventAccessService.accessAs), so AuthGuard only verifies the token there and leaves the account to them.
 */
export const ACCOUNT_READ_WITH_EVENT = 'lectern:account-read-with-event';

export const ACCOUNT_READ_BY_ROUTE = 'lectern:account-read-by-route';

/**
 * The route reads the caller's account in the statement it runs anyway, and refuses the request when the account
 * is gone (Caller): the guard then checks a session token's signature and lifetime only, which spares a round trip
 * on a hot write. An API token is still resolved by the guard, as it carries scopes to check.
 */
export const AccountReadByRoute = () => SetMetadata(ACCOUNT_READ_BY_ROUTE, true);

/** The caller of an AccountReadByRoute route: a user id still to be confirmed by the route's own read. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const id = request.user?.id ?? request.tokenSubject;
  if (!id) throw CommonErrors.unauthenticated();
  return { id, requestId: String(request.id) };
});

/** The signed-in caller with the request id, for services that write the audit log. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  if (!request.user) throw CommonErrors.unauthenticated();
  return { ...request.user, requestId: String(request.id) };
});

/** The caller on a public route, if a token was sent. */
export const OptionalUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest<FastifyRequest>().user;
});
