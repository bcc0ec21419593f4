import { Module } from '@nestjs/common';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/**
 * API tokens and webhook subscriptions: how other systems act on and hear from Lectern.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  providers: [ApiTokensService, ApiTokensRepository, WebhooksService, WebhooksRepository],
  exports: [ApiTokensService, WebhooksService],
})
export class IntegrationsModule {}
