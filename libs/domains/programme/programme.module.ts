import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { ReviewsModule } from '@lectern/domains/reviews/reviews.module';
import { AvailabilityService } from './availability.service';
import { FeedsRepository } from './feeds.repository';
import { FeedsService } from './feeds.service';
import { ProgrammeRepository } from './programme.repository';
import { PublicProgrammeService } from './public-programme.service';
import { ReleasesService } from './releases.service';
import { RoomsService } from './rooms.service';
import { ScheduleService } from './schedule.service';

/** The programme: rooms, days, blocks, the draft schedule and speakers' availability. */
@Module({
  imports: [EventsModule, ReviewsModule],
  providers: [ProgrammeRepository, RoomsService, ScheduleService, AvailabilityService, ReleasesService, PublicProgrammeService, FeedsRepository, FeedsService],
  exports: [RoomsService, ScheduleService, AvailabilityService, ReleasesService, PublicProgrammeService, FeedsService],
})
export class ProgrammeModule {}
