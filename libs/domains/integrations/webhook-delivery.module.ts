import { Module } from '@nestjs/common';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookRelayService } from './webhook-relay.service';
import { WebhooksRepository } from './webhooks.repository';

/** The webhook fan-out, relay and sender. Only the worker imports it. */
@Module({
  providers: [WebhooksRepository, WebhookDeliveryService, WebhookRelayService],
  exports: [WebhookDeliveryService, WebhookRelayService],
})
export class WebhookDeliveryModule {}
