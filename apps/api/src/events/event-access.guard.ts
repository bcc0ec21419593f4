import { CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards, applyDecorators, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiOperation, ApiParam } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { EventRole, EventStatus } from '../../../../libs/database/generated/client';
import { CommonErrors } from '../../../../libs/errors/domain.error';
import { EventRecord, EventsRepository } from './events.repository';
import { EventErrors } from './events.errors';

export interface EventAccess {
  event: EventRecord;
  roles: EventRole[];
}

declare module 'fastify' {
  interface FastifyRequest {
    eventAccess?: EventAccess;
  }
}

const EVENT_ROLES = 'lectern:event-roles';

/**
 * Checks on every request that the caller holds one of `roles` in the event named by the `:slug` route parameter
 * (administrators pass). A caller with no role at all in a draft event gets 404, so drafts stay invisible.
 */
@Injectable()
export class EventAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly events: EventsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { slug: string } }>>();
    const allowed = this.reflector.get<EventRole[]>(EVENT_ROLES, context.getHandler()) ?? [];
    if (!request.user) throw CommonErrors.unauthenticated();
    const slug = request.params.slug;
    const found = await this.events.findWithRoles(slug, request.user.id);
    if (!found) throw EventErrors.notFound(slug);
    const { roleGrants, ...event } = found;
    const roles = roleGrants.map((g) => g.role);
    request.eventAccess = { event, roles };
    if (request.user.isAdmin || roles.some((role) => allowed.includes(role))) return true;
    if (event.status === EventStatus.DRAFT && roles.length === 0) throw EventErrors.notFound(slug);
    throw CommonErrors.forbidden();
  }
}

/** The route needs one of these roles in the event `:slug`; documented in the OpenAPI operation. */
export function RequireEventRole(summary: string, ...roles: EventRole[]) {
  return applyDecorators(
    SetMetadata(EVENT_ROLES, roles),
    UseGuards(EventAccessGuard),
    ApiBearerAuth(),
    ApiParam({ name: 'slug', description: 'Event slug' }),
    ApiOperation({ summary, description: `Requires one of these roles in the event: ${roles.join(', ')} (or administrator).` }),
  );
}

export const CurrentEvent = createParamDecorator((_: unknown, context: ExecutionContext): EventAccess => {
  const access = context.switchToHttp().getRequest<FastifyRequest>().eventAccess;
  if (!access) throw new Error('CurrentEvent used on a route without RequireEventRole');
  return access;
});
