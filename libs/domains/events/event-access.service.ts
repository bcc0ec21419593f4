import { Injectable } from '@nestjs/common';
import { AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess, visibleEvent } from '@lectern/domains/events/event-visibility.policy';
import { EventsRepository } from '@lectern/domains/events/events.repository';

/** Loads an edition with the caller's roles in it, as the visibility policy lets the caller see it. */
@Injectable()
export class EventAccessService {
  constructor(private readonly events: EventsRepository) {}

  async access(slug: string, user: AuthUser | undefined): Promise<EventAccess> {
    const found = await this.events.findWithRoles(slug, user?.id);
    const roles = found?.roleGrants.map((g) => g.role) ?? [];
    const { roleGrants: _grants, ...event } = visibleEvent(slug, found, roles, user);
    return { event, roles };
  }
}
