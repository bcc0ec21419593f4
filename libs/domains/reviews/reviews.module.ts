import { Module } from '@nestjs/common';
import { AuthModule } from '@lectern/domains/auth/auth.module';
import { EventsModule } from '@lectern/domains/events/events.module';
import { CfpModule } from '@lectern/domains/cfp/cfp.module';
import { ReviewSettingsService } from './review-settings.service';
import { ReviewSettingsRepository } from './review-settings.repository';
import { AssignmentsService } from './assignments.service';
import { AssignmentsRepository } from './assignments.repository';
import { ConflictsRepository } from './conflicts.repository';
import { ConfirmationsService } from './confirmations.service';
import { ConfirmationsRepository } from './confirmations.repository';
import { ReviewsService } from './reviews.service';
import { ReviewsRepository } from './reviews.repository';
import { DecisionsService } from './decisions.service';
import { DecisionsRepository } from './decisions.repository';

/**
 * Review settings, assignments and conflicts, reviews, calibrated ranking, decisions and confirmations.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  imports: [AuthModule, EventsModule, CfpModule],
  providers: [
    ReviewSettingsService,
    ReviewSettingsRepository,
    AssignmentsService,
    AssignmentsRepository,
    ConflictsRepository,
    ConfirmationsService,
    ConfirmationsRepository,
    ReviewsService,
    ReviewsRepository,
    DecisionsService,
    DecisionsRepository,
  ],
  exports: [
    ReviewSettingsService,
    ReviewSettingsRepository,
    AssignmentsService,
    AssignmentsRepository,
    ConflictsRepository,
    ConfirmationsService,
    ConfirmationsRepository,
    ReviewsService,
    ReviewsRepository,
    DecisionsService,
    DecisionsRepository,
  ],
})
export class ReviewsModule {}
