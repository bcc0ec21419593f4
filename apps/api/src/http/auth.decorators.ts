import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { CommonErrors } from '@lectern/errors/domain.error';
import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { ApiTokenGrant } from '@lectern/domains/integrations/api-tokens.types';

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
    /**
     * The verified token's subject, on a read whose event guard reads the account with the edition in one statement
     * (ACCOUNT_READ_WITH_EVENT); that guard then sets `user`, or refuses the token if the account is gone.
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
