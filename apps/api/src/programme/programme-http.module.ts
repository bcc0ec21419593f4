import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { ProgrammeModule } from '@lectern/domains/programme/programme.module';
import { AvailabilityController } from './availability.controller';
import { FeedsController } from './feeds.controller';
import { InterestController } from './interest.controller';
import { PublicProgrammePagesController } from './public-programme-pages.controller';
import { PublicProgrammeController } from './public-programme.controller';
import { ReleasesController } from './releases.controller';
import { RoomsController } from './rooms.controller';
import { ScheduleController } from './schedule.controller';
import { SpeakerProfileController } from './speaker-profile.controller';

/** The HTTP routes of the programme; the rules live in libs/domains/programme. */
@Module({
  // EventsModule: the event guards on these routes need its EventAccessService
  imports: [EventsModule, ProgrammeModule],
  controllers: [
    RoomsController,
    ScheduleController,
    ReleasesController,
    AvailabilityController,
    PublicProgrammeController,
    // the public programme's pages, speakers' consent to publication and attendees' interest
    PublicProgrammePagesController,
    SpeakerProfileController,
    InterestController,
    FeedsController,
  ],
})
export class ProgrammeHttpModule {}
