import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { ScholarshipsModule } from '@lectern/domains/scholarships/scholarships.module';
import { ProgrammesController } from './programmes.controller';
import { ApplicationsController } from './applications.controller';
import { CommitteeController } from './committee.controller';
import { AwardsController } from './awards.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  // EventsModule: the event guards on these routes need its EventAccessService
  imports: [EventsModule, ScholarshipsModule],
  controllers: [ProgrammesController, ApplicationsController, CommitteeController, AwardsController],
})
export class ScholarshipsHttpModule {}
