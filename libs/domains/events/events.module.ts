import { Module } from '@nestjs/common';
import { AuthModule } from '@lectern/domains/auth/auth.module';
import { EventsService } from './events.service';
import { EventsRepository } from './events.repository';
import { EventAccessService } from './event-access.service';

/**
 * Series, editions, roles, and the one visibility rule for editions.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [AuthModule],
  providers: [
    EventsService,
    EventsRepository,
    EventAccessService,
  ],
  exports: [
    EventsService,
    EventsRepository,
    EventAccessService,
  ],
})
export class EventsModule {}
