import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { NotificationStatus } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { DEFAULT_LANGUAGE, supportedLanguages, Language } from '@lectern/i18n/i18n';
import { MESSAGE_TEMPLATES, MessageContext } from '@lectern/mail/message-context';
import { renderSubject } from '@lectern/mail/render';
import { decodeKeyset, keysetPage } from '@lectern/database/cursor';
import { NotificationErrors } from './notifications.errors';
import { DeliveryRecord, NotificationsRepository } from './notifications.repository';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ListNotificationsQuery } from '@lectern/domains/notifications/notifications.types';

/** What was stored can always be listed, even if its template was since renamed: the subject is then null. */
function subjectOf(row: DeliveryRecord): string | null {
  const stored = row.context as { event?: unknown; data?: unknown; override?: unknown } | null;
  if (!(MESSAGE_TEMPLATES as readonly string[]).includes(row.template) || !stored?.event || !stored.data) return null;
  const language: Language = supportedLanguages().includes(row.language) ? row.language : DEFAULT_LANGUAGE;
  try {
    return renderSubject({
      template: row.template,
      recipient: { name: row.recipientName, email: row.recipientEmail, language },
      event: stored.event,
      data: stored.data,
      override: stored.override ?? null,
    } as MessageContext);
  } catch {
    return null;
  }
}

export function toNotificationView(row: DeliveryRecord) {
  return {
    id: row.id,
    template: row.template,
    subject: subjectOf(row),
    recipientEmail: row.recipientEmail,
    recipientName: row.recipientName,
    language: row.language,
    status: row.status,
    attempts: row.attempts,
    generation: row.generation,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    failedAt: row.failedAt,
  };
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
  ) {}

  async list(access: EventAccess, query: ListNotificationsQuery) {
    const limit = query.limit ?? 50;
    const rows = await this.notifications.listPage(access.event.id, query.status, limit, decodeKeyset(query.cursor));
    const { page, nextCursor } = keysetPage(rows, limit, (row) => row.createdAt);
    return { items: page.map(toNotificationView), nextCursor };
  }

  async summary(access: EventAccess) {
    const counts = await this.notifications.countByStatus(access.event.id);
    return { pending: counts.PENDING, sending: counts.SENDING, sent: counts.SENT, failed: counts.FAILED, held: counts.HELD };
  }

  /**
   * Sends a message again as a new generation (a new Message-ID): for a FAILED one after the address was fixed,
   * or a SENT one that the recipient did not get. One still on its way cannot be resent, so two organisers
   * clicking at once produce one resend.
   */
  async resend(actor: Actor, access: EventAccess, deliveryId: string) {
    return this.tx.run(async () => {
      const current = await this.notifications.lockForResend(access.event.id, deliveryId);
      if (!current) throw NotificationErrors.notFound();
      if (current.status !== NotificationStatus.SENT && current.status !== NotificationStatus.FAILED) {
        throw NotificationErrors.resendConflict();
      }
      const updated = await this.notifications.requeue(deliveryId, current.generation + 1);
      await this.audit.record({
        eventId: access.event.id,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'notification.resent',
        entityType: 'notification_delivery',
        entityId: deliveryId,
        before: { status: current.status, generation: current.generation },
        after: { status: updated.status, generation: updated.generation },
      });
      return toNotificationView(updated);
    });
  }
}
