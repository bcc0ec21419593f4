import { Injectable } from '@nestjs/common';
import { WebhookDeliveryStatus } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';

const SUBSCRIPTION_VIEW = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  active: true,
  disabledAt: true,
  consecutiveFailures: true,
  previousSecretUntil: true,
  createdAt: true,
  updatedAt: true,
} as const;

export interface NewDelivery {
  outboxId: bigint;
  eventId: string;
  eventType: string;
  body: string;
}

export interface DeliveryToSend {
  id: string;
  generation: number;
  status: WebhookDeliveryStatus;
  body: string;
  subscriptionId: string;
  eventId: string;
  url: string;
  active: boolean;
  secrets: string[];
}

@Injectable()
export class WebhooksRepository {
  constructor(private readonly tx: TransactionHost) {}

  // ---- subscriptions ----

  create(data: { eventId: string; url: string; description: string | null; eventTypes: string[]; secret: string; createdById: string }) {
    return this.tx.db.webhookSubscription.create({ data, select: SUBSCRIPTION_VIEW });
  }

  list(eventId: string) {
    return this.tx.db.webhookSubscription.findMany({ where: { eventId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: SUBSCRIPTION_VIEW });
  }

  find(eventId: string, id: string) {
    return this.tx.db.webhookSubscription.findFirst({ where: { id, eventId }, select: SUBSCRIPTION_VIEW });
  }

  /** Switching a subscription back on sends what waited at once. */
  async update(id: string, data: { url?: string; description?: string | null; eventTypes?: string[]; active?: boolean }) {
    if (data.active === true) {
      await this.tx.db.$executeRaw`UPDATE webhook_deliveries SET enqueued_at = NULL WHERE subscription_id = ${id}::uuid AND status = 'PENDING'`;
    }
    const reenabled = data.active === true ? { disabledAt: null, consecutiveFailures: 0 } : {};
    const disabled = data.active === false ? { disabledAt: new Date() } : {};
    return this.tx.db.webhookSubscription.update({ where: { id }, data: { ...data, ...reenabled, ...disabled }, select: SUBSCRIPTION_VIEW });
  }

  async remove(id: string): Promise<void> {
    await this.tx.db.webhookSubscription.delete({ where: { id } });
  }

  async rotate(id: string, secret: string, overlapSeconds: number): Promise<void> {
    await this.tx.db.$executeRaw`
      UPDATE webhook_subscriptions
         SET previous_secret = secret, secret = ${secret},
             previous_secret_until = now() + make_interval(secs => ${overlapSeconds}), updated_at = now()
       WHERE id = ${id}::uuid`;
  }

  deliveries(subscriptionId: string, limit: number, before?: Date) {
    return this.tx.db.webhookDelivery.findMany({
      where: { subscriptionId, ...(before ? { createdAt: { lt: before } } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: {
        id: true,
        eventType: true,
        status: true,
        attempts: true,
        lastStatusCode: true,
        lastError: true,
        lastAttemptAt: true,
        deliveredAt: true,
        createdAt: true,
        log: { orderBy: { id: 'asc' }, select: { attempt: true, statusCode: true, error: true, durationMs: true, createdAt: true } },
      },
    });
  }

  /** Sends the delivery again under the same webhook-id, as a new generation with its attempts counted afresh. */
  async redeliver(subscriptionId: string, deliveryId: string): Promise<boolean> {
    const count = await this.tx.db.$executeRaw`
      UPDATE webhook_deliveries
         SET status = 'PENDING', generation = generation + 1, attempts = 0, enqueued_at = NULL
       WHERE id = ${deliveryId}::uuid AND subscription_id = ${subscriptionId}::uuid`;
    return count > 0;
  }

  // ---- fan-out ----

  /** Outbox rows not fanned out yet, oldest first; rows another worker holds are skipped, not waited for. */
  claimOutbox(limit: number): Promise<{ id: bigint; type: string; event_id: string | null; payload: unknown; created_at: Date }[]> {
    return this.tx.db.$queryRaw`
      SELECT id, type, event_id, payload, created_at FROM outbox
       WHERE webhooks_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  }

  /**
   * One delivery per active subscription of the row's edition that wants its type, and whose creator may still
   * read it (an organiser of the edition, or an administrator, now). Running twice adds nothing.
   */
  async insertDeliveries(rows: NewDelivery[]): Promise<number> {
    if (rows.length === 0) return 0;
    return this.tx.db.$executeRaw`
      INSERT INTO webhook_deliveries (id, subscription_id, outbox_id, event_type, body)
      SELECT gen_random_uuid(), s.id, r.outbox_id, r.event_type, r.body
        FROM unnest(${rows.map((r) => r.outboxId.toString())}::bigint[], ${rows.map((r) => r.eventId)}::uuid[],
                    ${rows.map((r) => r.eventType)}::text[], ${rows.map((r) => r.body)}::text[])
             AS r(outbox_id, event_id, event_type, body)
        JOIN webhook_subscriptions s ON s.event_id = r.event_id AND s.active AND r.event_type = ANY(s.event_types)
        JOIN users u ON u.id = s.created_by_id
       WHERE u.is_admin OR EXISTS (SELECT 1 FROM role_grants g
                                    WHERE g.event_id = s.event_id AND g.user_id = u.id AND g.role = 'ORGANISER')
       ORDER BY r.outbox_id, s.id
      ON CONFLICT (subscription_id, outbox_id) DO NOTHING`;
  }

  async markFannedOut(ids: bigint[]): Promise<void> {
    await this.tx.db.$executeRaw`UPDATE outbox SET webhooks_at = now() WHERE id = ANY(${ids.map(String)}::bigint[])`;
  }

  /** Pending deliveries of active subscriptions that have no job, or whose job was added long ago (Redis may have lost it). */
  claimToEnqueue(staleSeconds: number, limit: number): Promise<{ id: string; generation: number }[]> {
    return this.tx.db.$queryRaw`
      SELECT d.id, d.generation FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
       WHERE d.status = 'PENDING' AND s.active
         AND (d.enqueued_at IS NULL OR d.enqueued_at < now() - make_interval(secs => ${staleSeconds}))
       ORDER BY d.created_at, d.id LIMIT ${limit} FOR UPDATE OF d SKIP LOCKED`;
  }

  async markEnqueued(ids: string[]): Promise<void> {
    await this.tx.db.$executeRaw`UPDATE webhook_deliveries SET enqueued_at = now() WHERE id = ANY(${ids}::uuid[])`;
  }

  // ---- delivery ----

  async loadForSend(id: string): Promise<DeliveryToSend | null> {
    const rows = await this.tx.db.$queryRaw<
      { id: string; generation: number; status: WebhookDeliveryStatus; body: string; subscription_id: string; event_id: string; url: string; active: boolean; secrets: string[] }[]
    >`
      SELECT d.id, d.generation, d.status, d.body, s.id AS subscription_id, s.event_id, s.url, s.active,
             array_remove(ARRAY[s.secret, CASE WHEN s.previous_secret_until > now() THEN s.previous_secret END], NULL) AS secrets
        FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
       WHERE d.id = ${id}::uuid`;
    const row = rows[0];
    return row
      ? { id: row.id, generation: row.generation, status: row.status, body: row.body, subscriptionId: row.subscription_id, eventId: row.event_id, url: row.url, active: row.active, secrets: row.secrets }
      : null;
  }

  /** Counts the attempt before it is made, so a worker killed mid-request still used one up. */
  async startAttempt(id: string, generation: number): Promise<number | null> {
    const rows = await this.tx.db.$queryRaw<{ attempts: number }[]>`
      UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = now()
       WHERE id = ${id}::uuid AND generation = ${generation} AND status = 'PENDING'
       RETURNING attempts`;
    return rows[0]?.attempts ?? null;
  }

  async logAttempt(deliveryId: string, attempt: number, statusCode: number | null, error: string | null, durationMs: number): Promise<void> {
    await this.tx.db.webhookAttempt.create({ data: { deliveryId, attempt, statusCode, error, durationMs } });
  }

  async markDelivered(id: string, generation: number, statusCode: number, subscriptionId: string): Promise<void> {
    await this.tx.db.$executeRaw`
      UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = now(), last_status_code = ${statusCode}, last_error = NULL
       WHERE id = ${id}::uuid AND generation = ${generation}`;
    await this.tx.db.$executeRaw`
      UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = ${subscriptionId}::uuid AND consecutive_failures <> 0`;
  }

  async markAttemptFailed(id: string, generation: number, statusCode: number | null, error: string, final: boolean): Promise<void> {
    await this.tx.db.$executeRaw`
      UPDATE webhook_deliveries
         SET last_status_code = ${statusCode}, last_error = ${error},
             status = CASE WHEN ${final} THEN 'FAILED'::"WebhookDeliveryStatus" ELSE status END
       WHERE id = ${id}::uuid AND generation = ${generation}`;
  }

  /** One more failure in a row; returns the new count, and whether this failure switched the subscription off. */
  async countFailure(subscriptionId: string, disableAfter: number): Promise<{ failures: number; disabled: boolean }> {
    const rows = await this.tx.db.$queryRaw<{ failures: number; disabled: boolean }[]>`
      WITH before AS (SELECT id, active FROM webhook_subscriptions WHERE id = ${subscriptionId}::uuid FOR UPDATE)
      UPDATE webhook_subscriptions s
         SET consecutive_failures = s.consecutive_failures + 1,
             active = s.active AND s.consecutive_failures + 1 < ${disableAfter},
             disabled_at = CASE WHEN s.active AND s.consecutive_failures + 1 >= ${disableAfter} THEN now() ELSE s.disabled_at END
        FROM before
       WHERE s.id = before.id
       RETURNING s.consecutive_failures AS failures, (before.active AND NOT s.active) AS disabled`;
    return rows[0] ?? { failures: 0, disabled: false };
  }
}

export type WebhookSubscriptionRecord = Awaited<ReturnType<WebhooksRepository['create']>>;
