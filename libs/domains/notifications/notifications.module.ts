import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { NotificationsService } from './notifications.service';
import { NotificationsRepository } from './notifications.repository';

/**
 * What organisers see of an edition's notifications, and resending them.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [EventsModule],
  providers: [
    NotificationsService,
    NotificationsRepository,
  ],
  exports: [
    NotificationsService,
    NotificationsRepository,
  ],
})
export class NotificationsModule {}
