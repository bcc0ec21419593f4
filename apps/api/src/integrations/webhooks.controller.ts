import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { WebhooksService } from '@lectern/domains/integrations/webhooks.service';
import {
  CreateWebhookDto,
  CreatedWebhookDto,
  RotatedWebhookSecretDto,
  UpdateWebhookDto,
  WebhookDeliveriesQueryDto,
  WebhookDeliveryDto,
  WebhookDto,
} from './webhooks.dto';

/** Organisers only, with their own session (API tokens are refused here). */
@ApiTags('integrations')
@Controller({ path: 'events/:slug/webhooks', version: '1' })
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @RequireEventRole('Subscribe an URL to event types (the signing secret is in this response only)', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiProblems(400)
  create(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.webhooks.create(actor, access, body);
  }

  @Get()
  @RequireEventRole('The edition’s webhook subscriptions', EventRole.ORGANISER)
  @ApiOkResponse({ type: [WebhookDto] })
  list(@CurrentEvent() access: EventAccess): Promise<WebhookDto[]> {
    return this.webhooks.list(access);
  }

  @Patch(':id')
  @RequireEventRole('Change a subscription, switch it off or back on', EventRole.ORGANISER)
  @ApiOkResponse({ type: WebhookDto })
  @ApiProblems(400)
  update(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    return this.webhooks.update(actor, access, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireEventRole('Delete a subscription and its delivery log', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400)
  async remove(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.webhooks.remove(actor, access, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @RequireEventRole('A new signing secret (shown once); the previous one keeps signing alongside for the overlap', EventRole.ORGANISER)
  @ApiOkResponse({ type: RotatedWebhookSecretDto })
  @ApiProblems(400)
  rotate(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string): Promise<RotatedWebhookSecretDto> {
    return this.webhooks.rotateSecret(actor, access, id);
  }

  @Get(':id/deliveries')
  @RequireEventRole('The delivery log, newest first: each delivery with its attempts (status code, error, time)', EventRole.ORGANISER)
  @ApiOkResponse({ type: [WebhookDeliveryDto] })
  @ApiProblems(400)
  deliveries(
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: WebhookDeliveriesQueryDto,
  ): Promise<WebhookDeliveryDto[]> {
    return this.webhooks.deliveries(access, id, query.limit ?? 50, query.before ? new Date(query.before) : undefined);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @RequireEventRole('Send a delivery again, with the same webhook-id', EventRole.ORGANISER)
  @ApiAcceptedResponse({ description: 'Queued; the worker sends it within a relay round' })
  @ApiProblems(400)
  async redeliver(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string,
  ): Promise<void> {
    await this.webhooks.redeliver(actor, access, id, deliveryId);
  }
}
