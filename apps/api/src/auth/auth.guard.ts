import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { attribution } from '@lectern/audit/attribution';
import { CommonErrors } from '@lectern/errors/domain.error';
import { ACCOUNT_READ_BY_ROUTE, ACCOUNT_READ_WITH_EVENT, IS_PUBLIC } from '@api/http/auth.decorators';
import { AuthService } from '@lectern/domains/auth/auth.service';
import { ApiTokensService } from '@lectern/domains/integrations/api-tokens.service';
import { RequiredScope, TOKEN_AREA } from '@api/integrations/token-area.decorator';

/** Global: every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  /** Whether each handler is @Public(), read from its metadata once rather than on every request. */
  private readonly publicHandlers = new WeakMap<object, boolean>();
  /** Likewise whether its event guard reads the caller's account (ACCOUNT_READ_WITH_EVENT). */
  private readonly eventReadHandlers = new WeakMap<object, boolean>();
  /** Likewise whether the route reads the caller's account in its own statement (AccountReadByRoute). */
  private readonly accountReadingHandlers = new WeakMap<object, boolean>();

  /** A call without a token answers at once: Nest awaits only a guard's promise, and every request passes this guard. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    if (!header) {
      if (this.isPublic(context)) return true;
      throw CommonErrors.unauthenticated();
    }
    return this.authenticate(context, request, header);
  }

  private async authenticate(context: ExecutionContext, request: FastifyRequest, header: string): Promise<boolean> {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw CommonErrors.unauthenticated();
    if (ApiTokensService.isApiToken(token)) return this.authenticateApiToken(context, request, token);
    if ((request.method === 'GET' && this.accountReadWithEvent(context)) || this.readsAccountItself(context)) {
      request.tokenSubject = await this.auth.tokenSubject(token);
      return true;
    }
    const user = await this.auth.authenticate(token);
    request.user = { id: user.id, email: user.email, isAdmin: user.isAdmin };
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    return this.flag(this.publicHandlers, IS_PUBLIC, context);
  }

  private readsAccountItself(context: ExecutionContext): boolean {
    return this.flag(this.accountReadingHandlers, ACCOUNT_READ_BY_ROUTE, context);
  }

  private flag(cache: WeakMap<object, boolean>, key: string, context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let value = cache.get(handler);
    if (value === undefined) {
      value = Boolean(this.reflector.getAllAndOverride<boolean>(key, [handler, context.getClass()]));
      cache.set(handler, value);
    }
    return value;
  }

  private accountReadWithEvent(context: ExecutionContext): boolean {
    return this.flag(this.eventReadHandlers, ACCOUNT_READ_WITH_EVENT, context);
  }

  /**
   * An API token acts as its creator, on routes that declare an area, within its scopes and its edition or series;
   * the route's own role checks then judge the creator's roles as they are now.
   */
  private async authenticateApiToken(context: ExecutionContext, request: FastifyRequest, secret: string): Promise<boolean> {
    const { user, grant } = await this.apiTokens.authenticate(secret);
    const required = this.reflector.get<RequiredScope | undefined>(TOKEN_AREA, context.getHandler());
    await this.apiTokens.authorize(grant, required, (request.params as { slug?: string } | undefined)?.slug);
    request.user = user;
    request.apiToken = grant;
    // installAttribution opened the context for this request: its audit entries now name the token
    const attributed = attribution.getStore();
    if (attributed) attributed.apiTokenId = grant.id;
    return true;
  }
}
