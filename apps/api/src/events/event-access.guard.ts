import { CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards, applyDecorators, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiOperation, ApiParam } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { ACCOUNT_READ_WITH_EVENT, AccountReadByRoute } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { EventRole } from '@lectern/database/generated/enums';
import { EventAccessService } from '@lectern/domains/events/event-access.service';
import { EventAccess, EventCall, assertHoldsRole } from '@lectern/domains/events/event-visibility.policy';
import { CommonErrors } from '@lectern/errors/domain.error';

declare module 'fastify' {
  interface FastifyRequest {
    eventAccess?: EventAccess;
  }
}

const EVENT_ROLES = 'lectern:event-roles';

/**
 * Checks on every request that the caller holds one of `roles` in the event named by the `:slug` route parameter
 * (administrators pass). An edition the caller may not see at all (a draft) is a 404, as the visibility policy says.
 */
@Injectable()
export class EventAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: EventAccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { slug: string } }>>();
    const allowed = this.reflector.get<EventRole[]>(EVENT_ROLES, context.getHandler()) ?? [];
    if (!request.user && request.tokenSubject === undefined) throw CommonErrors.unauthenticated();
    const access = await loadAccess(this.access, request);
    request.eventAccess = access;
    if (!request.user) throw CommonErrors.unauthenticated();
    assertHoldsRole(request.user, access.roles, allowed);
    return true;
  }
}

/**
 * For routes anyone who can see the event may call (speakers need no role): loads the event `:slug` with the
 * caller's roles into `@CurrentEvent()`. On a @Public() route an anonymous caller is treated as a user without roles.
 */
@Injectable()
export class VisibleEventGuard implements CanActivate {
  constructor(private readonly access: EventAccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { slug: string } }>>();
    request.eventAccess = await loadAccess(this.access, request);
    return true;
  }
}

/**
 * The edition `:slug` with the caller's roles; when AuthGuard left the account to this read (a GET with a verified
 * token, see ACCOUNT_READ_WITH_EVENT), the account comes in the same statement and becomes `request.user`.
 */
async function loadAccess(service: EventAccessService, request: FastifyRequest<{ Params: { slug: string } }>): Promise<EventAccess> {
  if (request.user || request.tokenSubject === undefined) return service.access(request.params.slug, request.user);
  const { user, access } = await service.accessAs(request.params.slug, request.tokenSubject);
  request.user = user;
  return access;
}

/** The route needs one of these roles in the event `:slug`; documented in the OpenAPI operation with the problems the guard gives. */
export function RequireEventRole(summary: string, ...roles: EventRole[]) {
  return applyDecorators(
    SetMetadata(EVENT_ROLES, roles),
    SetMetadata(ACCOUNT_READ_WITH_EVENT, true),
    UseGuards(EventAccessGuard),
    ApiBearerAuth(),
    ApiParam({ name: 'slug', description: 'Event slug' }),
    ApiOperation({ summary, description: `Requires one of these roles in the event: ${roles.join(', ')} (or administrator).` }),
    ApiProblems(401, 403, 404),
  );
}

/**
 * RequireEventRole for a read whose own statement checks the caller's account, the edition `:slug` and the roles
 * with the page it reads (callerAccessSql): one round trip per request instead of two. No guard reads anything; the
 * route passes `@CurrentEventCall()` to its service, which refuses the call exactly as EventAccessGuard would
 * (roleAccess), so the route documents the same problems.
 */
export function RequireEventRoleInStatement(summary: string, ...roles: EventRole[]) {
  return applyDecorators(
    SetMetadata(EVENT_ROLES, roles),
    AccountReadByRoute(),
    ApiBearerAuth(),
    ApiParam({ name: 'slug', description: 'Event slug' }),
    ApiOperation({ summary, description: `Requires one of these roles in the event: ${roles.join(', ')} (or administrator).` }),
    ApiProblems(401, 403, 404),
  );
}

/** The call a RequireEventRoleInStatement route hands its service: the caller still to be checked, and whom the route admits. */
export const CurrentEventCall = createParamDecorator((_: unknown, context: ExecutionContext): EventCall => {
  const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { slug: string } }>>();
  const allowed = Reflect.getMetadata(EVENT_ROLES, context.getHandler()) as EventRole[] | undefined;
  if (!allowed) throw new Error('CurrentEventCall used on a route without RequireEventRoleInStatement');
  const callerId = request.user?.id ?? request.tokenSubject;
  if (!callerId) throw CommonErrors.unauthenticated();
  return { callerId, requestId: String(request.id), slug: request.params.slug, allowed };
});

/** The route is open to everyone who can see the event `:slug`; `description` says who may do what. */
export function ForEventVisitors(summary: string, description: string) {
  return applyDecorators(
    SetMetadata(ACCOUNT_READ_WITH_EVENT, true),
    UseGuards(VisibleEventGuard),
    ApiParam({ name: 'slug', description: 'Event slug' }),
    ApiOperation({ summary, description }),
    ApiProblems(404),
  );
}

export const CurrentEvent = createParamDecorator((_: unknown, context: ExecutionContext): EventAccess => {
  const access = context.switchToHttp().getRequest<FastifyRequest>().eventAccess;
  if (!access) throw new Error('CurrentEvent used on a route without an event guard');
  return access;
});
