import { Injectable } from '@nestjs/common';
import { AuthErrors } from '@lectern/domains/auth/auth.errors';
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

  /**
   * `access` for a signed-in caller known so far only by their verified token's subject: the account is read in
   * the same statement as the edition and the roles, and a token whose account no longer exists is refused as
   * AuthService.authenticate refuses it.
   */
  async accessAs(slug: string, userId: string): Promise<{ user: AuthUser; access: EventAccess }> {
    const { account, event: found } = await this.events.findWithRolesAndAccount(slug, userId);
    if (!account) throw AuthErrors.tokenInvalid();
    const roles = found?.roleGrants.map((g) => g.role) ?? [];
    const { roleGrants: _grants, ...event } = visibleEvent(slug, found, roles, account);
    return { user: account, access: { event, roles } };
  }
}
