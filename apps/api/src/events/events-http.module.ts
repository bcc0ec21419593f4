import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { EventsController } from './events.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  imports: [EventsModule],
  controllers: [EventsController],
})
export class EventsHttpModule {}
