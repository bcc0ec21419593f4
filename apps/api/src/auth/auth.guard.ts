import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { attribution } from '@lectern/audit/attribution';
import { CommonErrors } from '@lectern/errors/domain.error';
import { ACCOUNT_READ_WITH_EVENT, IS_PUBLIC } from '@api/http/auth.decorators';
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

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    if (!header) {
      if (this.isPublic(context)) return true;
      throw CommonErrors.unauthenticated();
    }
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw CommonErrors.unauthenticated();
    if (ApiTokensService.isApiToken(token)) return this.authenticateApiToken(context, request, token);
    if (request.method === 'GET' && this.accountReadWithEvent(context)) {
      request.tokenSubject = await this.auth.tokenSubject(token);
      return true;
    }
    const user = await this.auth.authenticate(token);
    request.user = { id: user.id, email: user.email, isAdmin: user.isAdmin };
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let isPublic = this.publicHandlers.get(handler);
    if (isPublic === undefined) {
      isPublic = Boolean(this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, context.getClass()]));
      this.publicHandlers.set(handler, isPublic);
    }
    return isPublic;
  }

  private accountReadWithEvent(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let reads = this.eventReadHandlers.get(handler);
    if (reads === undefined) {
      reads = Boolean(this.reflector.get<boolean>(ACCOUNT_READ_WITH_EVENT, handler));
      this.eventReadHandlers.set(handler, reads);
    }
    return reads;
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
