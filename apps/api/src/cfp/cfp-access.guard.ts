import { CanActivate, ExecutionContext, Injectable, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { EventStatus } from '../../../../libs/database/generated/client';
import { EventsRepository } from '../events/events.repository';
import { EventErrors } from '../events/events.errors';

/**
 * For routes any signed-in user may call in an event (speakers need no role): loads the event `:slug` with the
 * caller's roles into `@CurrentEvent()`. A draft event stays invisible (404) to people without a role in it, as
 * everywhere else. On a @Public() route an anonymous caller gets the same treatment as a user without roles.
 */
@Injectable()
export class VisibleEventGuard implements CanActivate {
  constructor(private readonly events: EventsRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { slug: string } }>>();
    const slug = request.params.slug;
    const found = await this.events.findWithRoles(slug, request.user?.id);
    if (!found) throw EventErrors.notFound(slug);
    const { roleGrants, ...event } = found;
    const roles = roleGrants.map((g) => g.role);
    if (event.status === EventStatus.DRAFT && roles.length === 0 && !request.user?.isAdmin) throw EventErrors.notFound(slug);
    request.eventAccess = { event, roles };
    return true;
  }
}

/** The route is open to everyone who can see the event `:slug`; `description` says who may do what. */
export function ForEventVisitors(summary: string, description: string) {
  return applyDecorators(
    UseGuards(VisibleEventGuard),
    ApiParam({ name: 'slug', description: 'Event slug' }),
    ApiOperation({ summary, description }),
  );
}
