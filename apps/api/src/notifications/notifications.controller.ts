import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { ListNotificationsQueryDto, NotificationDto, NotificationPageDto, NotificationSummaryDto } from './notifications.dto';
import { NotificationsService } from '@lectern/domains/notifications/notifications.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';

@ApiTags('notifications')
@Controller({ path: 'events/:slug/notifications', version: '1' })
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequireEventRole('Messages sent about the edition, newest first (pending, sent, failed)', EventRole.ORGANISER)
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentEvent() access: EventAccess, @Query() query: ListNotificationsQueryDto) {
    return this.notifications.list(access, query);
  }

  @Get('summary')
  @RequireEventRole('How many of the edition’s messages are pending, sending, sent and failed', EventRole.ORGANISER)
  @ApiOkResponse({ type: NotificationSummaryDto })
  @ApiProblems(401, 403, 404)
  summary(@CurrentEvent() access: EventAccess) {
    return this.notifications.summary(access);
  }

  @Post(':notificationId/resend')
  @HttpCode(202)
  @RequireEventRole('Send a sent or failed message again (as a new generation with a new Message-ID)', EventRole.ORGANISER)
  @ApiAcceptedResponse({ type: NotificationDto, description: 'Queued again; the worker sends it within seconds' })
  @ApiProblems(400, 401, 403, 404, 409)
  resend(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('notificationId', uuidParam('notificationId')) notificationId: string,
  ) {
    return this.notifications.resend(actor, access, notificationId);
  }
}
