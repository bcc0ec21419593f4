import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { IntegrationsModule } from '@lectern/domains/integrations/integrations.module';
import { ApiTokensController } from './api-tokens.controller';
import { WebhooksController } from './webhooks.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  imports: [IntegrationsModule, EventsModule],
  controllers: [ApiTokensController, WebhooksController],
})
export class IntegrationsHttpModule {}
