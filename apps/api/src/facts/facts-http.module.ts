import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { FactsModule } from '@lectern/domains/facts/facts.module';
import { FactsController } from './facts.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  // EventsModule: the event guards on these routes need its EventAccessService
  imports: [EventsModule, FactsModule],
  controllers: [FactsController],
})
export class FactsHttpModule {}
