import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '@lectern/queue/job-handler.decorator';
import { WebhookDeliveryService, WebhookOutcome } from '@lectern/domains/integrations/webhook-delivery.service';

@Injectable()
export class WebhooksProcessor {
  constructor(private readonly webhooks: WebhookDeliveryService) {}

  /** A failed attempt throws, and BullMQ runs the job again after its exponential backoff. */
  @JobHandler('webhooks.deliver')
  deliver({ payload }: JobContext<'webhooks.deliver'>): Promise<WebhookOutcome> {
    return this.webhooks.deliver(payload.deliveryId, payload.generation);
  }
}
