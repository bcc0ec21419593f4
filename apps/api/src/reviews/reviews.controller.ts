import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, CurrentEventCall, RequireEventRole, RequireEventRoleInStatement } from '@api/events/event-access.guard';
import {
  AssignedPageDto,
  AssignedQueryDto,
  AssignedSubmissionDetailDto,
  CALIBRATION_DOC,
  DeclareOwnConflictDto,
  ProgressDto,
  RankingPageDto,
  RankingQueryDto,
  ReviewInputDto,
  SubmissionReviewDto,
} from './reviews.dto';
import { ReviewsService } from '@lectern/domains/reviews/reviews.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess, EventCall } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';

const REVIEWER_DOC =
  'Requires the REVIEWER role in the event, for the caller’s own assignments. While the event anonymises reviews ' +
  '(the default), no response names, describes or identifies a speaker. A submission that is not assigned to the ' +
  'caller, or that conflicts with them, answers 404 REVIEW_SUBMISSION_NOT_FOUND like one that does not exist.';

/** `require`: RequireEventRoleInStatement for a read that checks the caller in its own statement. */
function ForReviewers(summary: string, require = RequireEventRole) {
  return applyDecorators(require(summary, EventRole.REVIEWER), ApiOperation({ summary, description: REVIEWER_DOC }));
}

/** What reviewers call: their assignments, one submission, their review, recusing themselves. */
@ApiTokenArea('reviews')
@ApiTags('reviewing')
@Controller({ path: 'events/:slug/review', version: '1' })
export class ReviewingController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('assignments')
  @ForReviewers('Your assigned submissions with your scores, page by page, and your progress', RequireEventRoleInStatement)
  @ApiOkResponse({ type: AssignedPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentEventCall() call: EventCall, @Query() query: AssignedQueryDto) {
    return this.reviews.listAssigned(call, query);
  }

  @Get('submissions/:id')
  @ForReviewers('One of your assigned submissions, with your review')
  @ApiOkResponse({ type: AssignedSubmissionDetailDto })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.reviews.getAssigned(actor, access, id);
  }

  @Post('submissions/:id/review')
  @ForReviewers('Review an assigned submission (once; edit it with PUT)')
  @ApiCreatedResponse({ type: AssignedSubmissionDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReviewInputDto,
  ) {
    return this.reviews.create(actor, access, id, body);
  }

  @Put('submissions/:id/review')
  @ForReviewers('Replace your review, while the review window is open')
  @ApiOkResponse({ type: AssignedSubmissionDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReviewInputDto,
  ) {
    return this.reviews.update(actor, access, id, body);
  }

  @Post('submissions/:id/conflict')
  @HttpCode(204)
  @ForReviewers('Declare a conflict of interest: the submission, and your review of it, leave your list')
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async conflict(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: DeclareOwnConflictDto,
  ) {
    await this.reviews.declareConflict(actor, access, id, body);
  }
}

/** What organisers read: the ranking, progress, and the reviews of one submission. */
@ApiTokenArea('reviews')
@ApiTags('reviews')
@Controller({ path: 'events/:slug', version: '1' })
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('review-ranking')
  // Above RequireEventRole so that this fuller description is the one applied last.
  @ApiOperation({
    summary: 'Submissions ranked by calibrated score, overall, per track and per format, with decisions',
    description: `Requires one of these roles in the event: ORGANISER (or administrator). Filter by track or format; pages follow the overall rank. ${CALIBRATION_DOC}`,
  })
  @RequireEventRole('Submissions ranked by calibrated score, overall, per track and per format, with decisions', EventRole.ORGANISER)
  @ApiOkResponse({ type: RankingPageDto })
  @ApiProblems(400, 401, 403, 404)
  ranking(@CurrentEvent() access: EventAccess, @Query() query: RankingQueryDto) {
    return this.reviews.ranking(access, query);
  }

  @Get('review-progress')
  @RequireEventRole('Reviews done against reviews wanted, overall, per track and per reviewer', EventRole.ORGANISER)
  @ApiOkResponse({ type: ProgressDto })
  @ApiProblems(401, 403, 404)
  progress(@CurrentEvent() access: EventAccess) {
    return this.reviews.progress(access);
  }

  @Get('submissions/:id/reviews')
  @RequireEventRole('A submission’s assignments and reviews, with reviewer names and committee comments', EventRole.ORGANISER)
  @ApiOkResponse({ type: [SubmissionReviewDto] })
  @ApiProblems(400, 401, 403, 404)
  submissionReviews(@CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.reviews.submissionReviews(access, id);
  }
}
