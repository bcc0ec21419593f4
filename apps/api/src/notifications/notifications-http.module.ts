import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { NotificationsModule } from '@lectern/domains/notifications/notifications.module';
import { EmailController } from './email.controller';
import { NotificationsController } from './notifications.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  // EventsModule: the event guards on these routes need its EventAccessService
  imports: [EventsModule, NotificationsModule],
  controllers: [NotificationsController, EmailController],
})
export class NotificationsHttpModule {}
