import { Module } from '@nestjs/common';
import { EventsModule } from '@lectern/domains/events/events.module';
import { ReviewsModule } from '@lectern/domains/reviews/reviews.module';
import { ReviewSettingsController } from './review-settings.controller';
import { AssignmentsController } from './assignments.controller';
import { ReviewingController, ReviewsController } from './reviews.controller';
import { DecisionsController } from './decisions.controller';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  // EventsModule: the event guards on these routes need its EventAccessService
  imports: [EventsModule, ReviewsModule],
  controllers: [ReviewSettingsController, AssignmentsController, ReviewingController, ReviewsController, DecisionsController],
})
export class ReviewsHttpModule {}
