import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { ReviewsModule } from '@lectern/domains/reviews/reviews.module';
import { AvailabilityService } from './availability.service';
import { FeedsRepository } from './feeds.repository';
import { FeedsService } from './feeds.service';
import { InterestRepository } from './interest.repository';
import { InterestService } from './interest.service';
import { ProgrammeRepository } from './programme.repository';
import { PublicProgrammePagesService } from './public-programme-pages.service';
import { PublicProgrammeRepository } from './public-programme.repository';
import { PublicFeedCache } from './public-feed.cache';
import { ReleasesService } from './releases.service';
import { RoomsService } from './rooms.service';
import { ScheduleService } from './schedule.service';
import { SpeakerProfileService } from './speaker-profile.service';

/** The programme: rooms, days, blocks, the draft schedule and speakers' availability. */
@Module({
  imports: [EventsModule, ReviewsModule],
  providers: [
    ProgrammeRepository,
    RoomsService,
    ScheduleService,
    AvailabilityService,
    ReleasesService,
    PublicFeedCache,
    // the public programme's pages, speakers' consent to publication and attendees' interest
    PublicProgrammeRepository,
    InterestRepository,
    PublicProgrammePagesService,
    SpeakerProfileService,
    InterestService,
    FeedsRepository,
    FeedsService,
  ],
  exports: [RoomsService, ScheduleService, AvailabilityService, ReleasesService, PublicFeedCache, PublicProgrammePagesService, SpeakerProfileService, InterestService, FeedsService],
})
export class ProgrammeModule {}
