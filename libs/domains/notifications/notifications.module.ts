import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { NotificationsService } from './notifications.service';
import { NotificationsRepository } from './notifications.repository';
import { AudienceRepository } from './audience.repository';
import { ComposeRepository } from './compose.repository';
import { ComposeService } from './compose.service';
import { EmailTemplatesRepository } from './email-templates.repository';
import { EmailTemplatesService } from './email-templates.service';
import { HeldDecisionsService } from './held-decisions.service';

/**
 * What organisers see of an edition's notifications, and resending them.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [EventsModule],
  providers: [
    NotificationsService,
    NotificationsRepository,
    AudienceRepository,
    ComposeRepository,
    ComposeService,
    EmailTemplatesRepository,
    EmailTemplatesService,
    HeldDecisionsService,
  ],
  exports: [
    NotificationsService,
    NotificationsRepository,
    ComposeService,
    EmailTemplatesService,
    HeldDecisionsService,
  ],
})
export class NotificationsModule {}
