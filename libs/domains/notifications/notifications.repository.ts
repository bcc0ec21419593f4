import { Injectable } from '@nestjs/common';
import { NotificationStatus, Prisma } from '@lectern/database/generated/client';
import { KeysetPosition, createdAfter } from '@lectern/database/keyset';
import { TransactionHost } from '@lectern/database/transaction.host';

const DELIVERY_FIELDS = {
  id: true,
  template: true,
  context: true,
  recipientEmail: true,
  recipientName: true,
  language: true,
  status: true,
  generation: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  failedAt: true,
} as const satisfies Prisma.NotificationDeliverySelect;

export type DeliveryRecord = Prisma.NotificationDeliveryGetPayload<{ select: typeof DELIVERY_FIELDS }>;

@Injectable()
export class NotificationsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Keyset page, newest first. */
  listPage(eventId: string, status: NotificationStatus | undefined, limit: number, after?: KeysetPosition) {
    return this.tx.db.notificationDelivery.findMany({
      where: {
        eventId,
        ...(status ? { status } : {}),
        ...createdAfter(after, 'desc'),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      select: DELIVERY_FIELDS,
    });
  }

  async countByStatus(eventId: string): Promise<Record<NotificationStatus, number>> {
    const groups = await this.tx.db.notificationDelivery.groupBy({ by: ['status'], where: { eventId }, _count: { _all: true } });
    const counts: Record<NotificationStatus, number> = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, HELD: 0 };
    for (const group of groups) counts[group.status] = group._count._all;
    return counts;
  }

  /** Locks the delivery for the rest of the transaction; scoped by event, so another event's id is not found. */
  async lockForResend(eventId: string, id: string): Promise<{ status: NotificationStatus; generation: number } | null> {
    const rows = await this.tx.db.$queryRaw<{ status: NotificationStatus; generation: number }[]>`
      SELECT status, generation FROM notification_deliveries WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  /** A new generation: the worker's relay sees a PENDING row never enqueued and gives it a job of its own. */
  requeue(id: string, generation: number): Promise<DeliveryRecord> {
    return this.tx.db.notificationDelivery.update({
      where: { id },
      data: {
        status: NotificationStatus.PENDING,
        generation,
        attempts: 0,
        lastError: null,
        enqueuedAt: null,
        claimedAt: null,
        failedAt: null,
      },
      select: DELIVERY_FIELDS,
    });
  }

  /** A held message with what editing it needs, locked for the transaction. */
  async lockHeld(eventId: string, id: string): Promise<{ status: NotificationStatus; template: string; context: Prisma.JsonValue } | null> {
    const rows = await this.tx.db.$queryRaw<{ status: NotificationStatus; template: string; context: Prisma.JsonValue }[]>`
      SELECT status, template, context FROM notification_deliveries WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  setContext(id: string, context: Prisma.InputJsonObject): Promise<DeliveryRecord> {
    return this.tx.db.notificationDelivery.update({ where: { id }, data: { context }, select: DELIVERY_FIELDS });
  }

  /**
   * Held decisions become PENDING, so the relay queues them: all of the edition's, or those about proposals of one
   * track (the proposal is the outbox row's). One UPDATE: a message is released once however many organisers press.
   */
  async releaseHeld(eventId: string, trackSlug: string | null): Promise<number> {
    return this.tx.db.$executeRaw`
      UPDATE notification_deliveries d SET status = 'PENDING', enqueued_at = NULL, updated_at = now()
        FROM outbox o
       WHERE d.outbox_id = o.id AND d.event_id = ${eventId}::uuid AND d.status = 'HELD'
         AND (${trackSlug}::text IS NULL OR EXISTS (
               SELECT 1 FROM submissions s JOIN tracks t ON t.id = s.track_id
                WHERE s.id = (o.payload->>'submissionId')::uuid AND t.slug = ${trackSlug}::text))`;
  }
}
