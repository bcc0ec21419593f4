import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EventsModule } from '@lectern/domains/events/events.module';
import { IntegrationsModule } from '@lectern/domains/integrations/integrations.module';
import { ApiTokensController } from './api-tokens.controller';
import { AttributionInterceptor } from './attribution.interceptor';
import { WebhooksController } from './webhooks.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  imports: [IntegrationsModule, EventsModule],
  controllers: [ApiTokensController, WebhooksController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AttributionInterceptor }],
})
export class IntegrationsHttpModule {}
