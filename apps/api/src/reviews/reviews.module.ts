import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CfpModule } from '../cfp/cfp.module';
import { VisibleEventGuard } from '../cfp/cfp-access.guard';
import { EventsModule } from '../events/events.module';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';
import { ConfirmationsRepository } from './confirmations.repository';
import { ConflictsRepository } from './conflicts.repository';
import { DecisionsController } from './decisions.controller';
import { DecisionsRepository } from './decisions.repository';
import { DecisionsService } from './decisions.service';
import { ReviewSettingsController } from './review-settings.controller';
import { ReviewSettingsRepository } from './review-settings.repository';
import { ReviewSettingsService } from './review-settings.service';
import { ReviewingController, ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [AuthModule, EventsModule, CfpModule],
  controllers: [ReviewSettingsController, AssignmentsController, ReviewingController, ReviewsController, DecisionsController],
  providers: [
    ReviewSettingsService,
    ReviewSettingsRepository,
    AssignmentsService,
    AssignmentsRepository,
    ConflictsRepository,
    ConfirmationsRepository,
    ReviewsService,
    ReviewsRepository,
    DecisionsService,
    DecisionsRepository,
    VisibleEventGuard,
  ],
})
export class ReviewsModule {}
