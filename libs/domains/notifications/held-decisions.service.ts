import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { NotificationStatus } from '@lectern/database/generated/enums';
import { InputJsonObject } from '@lectern/database/json.types';
import { TransactionHost } from '@lectern/database/transaction.host';
import { MessageTemplate } from '@lectern/mail/message-context';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { AudienceRepository } from './audience.repository';
import { EmailTemplatesRepository } from './email-templates.repository';
import { assertWording } from './email-templates.service';
import { NotificationErrors } from './notifications.errors';
import { NotificationsRepository } from './notifications.repository';
import { toNotificationView } from './notifications.service';

/**
 * An edition may hold its decision e-mails: the worker resolves them as usual but leaves them HELD, and the
 * organisers read them (GET …/notifications?status=HELD), reword one, and send them all or one track's.
 */
@Injectable()
export class HeldDecisionsService {
  constructor(
    private readonly templates: EmailTemplatesRepository,
    private readonly notifications: NotificationsRepository,
    private readonly audience: AudienceRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  async settings(access: EventAccess) {
    return { holdDecisions: await this.templates.holdsDecisions(access.event.id) };
  }

  async updateSettings(actor: Actor, access: EventAccess, input: { holdDecisions: boolean }) {
    return this.tx.run(async () => {
      const before = await this.templates.holdsDecisions(access.event.id);
      await this.templates.setHoldDecisions(access.event.id, input.holdDecisions);
      if (before !== input.holdDecisions) {
        await this.audit.record({
          eventId: access.event.id,
          actorId: actor.id,
          requestId: actor.requestId,
          action: 'email_settings.updated',
          entityType: 'email_settings',
          entityId: access.event.id,
          before: { holdDecisions: before },
          after: { holdDecisions: input.holdDecisions },
        });
      }
      return { holdDecisions: input.holdDecisions };
    });
  }

  /** One held message in the organisers' words, for its recipient whatever language they read. */
  async reword(actor: Actor, access: EventAccess, id: string, input: { subject: string; body: string }) {
    return this.tx.run(async () => {
      const held = await this.notifications.lockHeld(access.event.id, id);
      if (!held) throw NotificationErrors.notFound();
      if (held.status !== NotificationStatus.HELD) throw NotificationErrors.notHeld();
      const languages = access.event.series.languages;
      const every = (text: string) => Object.fromEntries(languages.map((language) => [language, text]));
      const override = { version: 0, subject: every(input.subject), body: every(input.body) };
      assertWording(held.template as MessageTemplate, { subject: override.subject, body: override.body }, languages);
      const context = { ...(held.context as InputJsonObject), override };
      const updated = await this.notifications.setContext(id, context);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'notification.reworded',
        entityType: 'notification_delivery',
        entityId: id,
        before: { override: (held.context as { override?: unknown } | null)?.override ?? null },
        after: { override },
      });
      return toNotificationView(updated);
    });
  }

  /** Sends what is held: everything, or the decisions on one track's proposals. */
  async release(actor: Actor, access: EventAccess, track: string | undefined) {
    if (track) {
      const [unknown] = await this.audience.unknownTracks(access.event.id, [track]);
      if (unknown !== undefined) throw NotificationErrors.filterUnknown('track', unknown);
    }
    return this.tx.run(async () => {
      const released = await this.notifications.releaseHeld(access.event.id, track ?? null);
      if (released === 0) throw NotificationErrors.nothingHeld();
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'notification.held_released',
        entityType: 'event',
        entityId: access.event.id,
        after: { track: track ?? null, released },
      });
      return { released };
    });
  }
}
