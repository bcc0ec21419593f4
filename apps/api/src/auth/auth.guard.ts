import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { CommonErrors } from '@lectern/errors/domain.error';
import { IS_PUBLIC } from '@api/http/auth.decorators';
import { AuthService } from '@lectern/domains/auth/auth.service';

/** Global: every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const header = request.headers.authorization;
    if (!header) {
      if (isPublic) return true;
      throw CommonErrors.unauthenticated();
    }
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw CommonErrors.unauthenticated();
    const user = await this.auth.authenticate(token);
    request.user = { id: user.id, email: user.email, isAdmin: user.isAdmin };
    return true;
  }
}
