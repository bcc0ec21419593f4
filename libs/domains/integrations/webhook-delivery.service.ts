import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { TransactionHost } from '@lectern/database/transaction.host';
import { webhookBody, webhookFor } from './webhook-events';
import { postWebhook } from './webhook-sender';
import { webhookSignature } from './webhook-signature';
import { UnsafeTargetError, checkTargetUrl } from './webhook-target.policy';
import { NewDelivery, WebhooksRepository } from './webhooks.repository';

export type WebhookOutcome = 'delivered' | 'failed' | 'skipped';

/** A failed attempt that will be retried: the job throws it so BullMQ backs off and runs it again. */
export class WebhookAttemptFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookAttemptFailed';
  }
}

/** Turns outbox rows into webhook deliveries and posts them; runs in the worker. */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Fans the oldest outbox rows out into deliveries and marks them, in one transaction: Postgres only, so a Redis
   * outage does not hold it up. Returns the rows looked at.
   */
  fanOut(limit: number): Promise<number> {
    return this.tx.run(async () => {
      const rows = await this.webhooks.claimOutbox(limit);
      if (rows.length === 0) return 0;
      const deliveries: NewDelivery[] = [];
      for (const row of rows) {
        const message = row.event_id ? webhookFor(row.type, row.payload as Record<string, unknown>) : null;
        if (message && row.event_id) {
          deliveries.push({ outboxId: row.id, eventId: row.event_id, eventType: message.type, body: webhookBody(message, row.created_at) });
        }
      }
      await this.webhooks.insertDeliveries(deliveries);
      await this.webhooks.markFannedOut(rows.map((r) => r.id));
      return rows.length;
    });
  }

  /**
   * One attempt: the same webhook-id (the delivery's id) and body every time, signed afresh with the current
   * timestamp. A 2xx delivers; anything else (a timeout, a redirect, an unsafe address) counts against the
   * subscription, fails the delivery for good after WEBHOOK_MAX_ATTEMPTS, and otherwise is retried with backoff.
   */
  async deliver(deliveryId: string, generation: number): Promise<WebhookOutcome> {
    const delivery = await this.webhooks.loadForSend(deliveryId);
    if (!delivery || delivery.generation !== generation || delivery.status !== 'PENDING' || !delivery.active) return 'skipped';
    const attempt = await this.webhooks.startAttempt(deliveryId, generation);
    if (attempt === null) return 'skipped';

    const { allowHosts, timeoutMs, maxAttempts, disableAfterFailures } = this.config.webhooks;
    const timestamp = Math.floor(Date.now() / 1000);
    let result: { statusCode: number | null; error: string | null; durationMs: number };
    try {
      const url = checkTargetUrl(delivery.url, allowHosts);
      result = await postWebhook(
        url,
        {
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignature(delivery.secrets, delivery.id, timestamp, delivery.body),
        },
        delivery.body,
        timeoutMs,
        allowHosts,
      );
    } catch (error) {
      if (!(error instanceof UnsafeTargetError)) throw error;
      result = { statusCode: null, error: error.message, durationMs: 0 };
    }

    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const final = !ok && attempt >= maxAttempts;
    await this.tx.run(async () => {
      await this.webhooks.logAttempt(deliveryId, attempt, result.statusCode, result.error, result.durationMs);
      if (ok) {
        await this.webhooks.markDelivered(deliveryId, generation, result.statusCode!, delivery.subscriptionId);
        return;
      }
      const error = result.error ?? `HTTP ${result.statusCode}`;
      await this.webhooks.markAttemptFailed(deliveryId, generation, result.statusCode, error, final);
      const { failures, disabled } = await this.webhooks.countFailure(delivery.subscriptionId, disableAfterFailures);
      if (disabled) {
        await this.audit.record(
          {
            eventId: delivery.eventId,
            action: 'webhook.disabled',
            entityType: 'webhook_subscription',
            entityId: delivery.subscriptionId,
            after: { failures },
          },
          { type: 'webhook.disabled', payload: { eventId: delivery.eventId, subscriptionId: delivery.subscriptionId, failures } },
        );
      }
    });
    if (ok) return 'delivered';
    if (final) return 'failed';
    throw new WebhookAttemptFailed(`attempt ${attempt} of ${delivery.id}: ${result.error ?? `HTTP ${result.statusCode}`}`);
  }
}
