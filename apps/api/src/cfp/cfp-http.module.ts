import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { CfpModule } from '@lectern/domains/cfp/cfp.module';
import { CfpController } from './cfp.controller';
import { SubmissionsController } from './submissions.controller';
import { SpeakersController } from './speakers.controller';
import { SharedCfpController } from './shared-cfp.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  // EventsModule: the event guards on these routes need its EventAccessService
  imports: [EventsModule, CfpModule],
  controllers: [CfpController, SubmissionsController, SpeakersController, SharedCfpController],
})
export class CfpHttpModule {}
