import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@lectern/queue/job-handler.decorator';
import { WebhookAttemptFailed, WebhookDeliveryService, WebhookOutcome } from '@lectern/domains/integrations/webhook-delivery.service';
import { MetricsService } from '@lectern/metrics/metrics.service';

@Injectable()
export class WebhooksProcessor {
  constructor(
    private readonly webhooks: WebhookDeliveryService,
    private readonly metrics: MetricsService,
  ) {}

  /** A failed attempt throws, and BullMQ runs the job again after its exponential backoff. */
  @JobHandler('webhooks.deliver')
  async deliver({ payload }: JobContext<'webhooks.deliver'>): Promise<WebhookOutcome> {
    try {
      const outcome = await this.webhooks.deliver(payload.deliveryId, payload.generation);
      if (outcome === 'delivered') this.metrics.recordDelivery('webhook', 'sent');
      if (outcome === 'failed') this.metrics.recordDelivery('webhook', 'failed');
      return outcome;
    } catch (error) {
      if (error instanceof WebhookAttemptFailed) this.metrics.recordDelivery('webhook', 'retry');
      throw error;
    }
  }
}
