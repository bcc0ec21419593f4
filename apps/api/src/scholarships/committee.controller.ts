import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { ForEventVisitors, CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import {
  ApplicationReviewDto,
  AssignedListDto,
  CommitteeAssignedQueryDto,
  CommitteeAssignmentRunDto,
  CALIBRATION_DOC,
  ScholarshipRankingPageDto,
  ScholarshipRankingQueryDto,
  CommitteeReviewInputDto,
} from './committee.dto';
import { CommitteeService } from '@lectern/domains/scholarships/committee.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';

function ForCommittee(summary: string, description: string) {
  return applyDecorators(
    RequireEventRole(summary, EventRole.SCHOLARSHIP_COMMITTEE),
    ApiOperation({ summary, description: `Requires the SCHOLARSHIP_COMMITTEE role in the event (or administrator). ${description}` }),
  );
}

/** What the scholarship committee calls: the assignment, its own reviews, everyone's reviews, the ranking. */
@ApiTags('scholarships')
@ApiBearerAuth()
@Controller({ path: 'events/:slug/scholarships', version: '1' })
export class CommitteeController {
  constructor(private readonly committee: CommitteeService) {}

  @Post('programmes/:id/assignments')
  @HttpCode(200)
  @RequireEventRole(
    'Assign the programme’s applications to committee members (balanced; a member never gets their own)',
    EventRole.SCHOLARSHIP_COMMITTEE,
  )
  @ApiOkResponse({ type: CommitteeAssignmentRunDto })
  @ApiProblems(400, 401, 403, 404)
  assign(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.committee.assign(actor, access, id);
  }

  @Get('reviews/assigned')
  @RequireEventRole('Your assigned applications still under review, with your reviews', EventRole.SCHOLARSHIP_COMMITTEE)
  @ApiOkResponse({ type: AssignedListDto })
  @ApiProblems(400, 401, 403, 404)
  assigned(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Query() query: CommitteeAssignedQueryDto) {
    return this.committee.assigned(actor, access, query);
  }

  @Put('applications/:id/reviews/mine')
  @RequireEventRole('Review an application assigned to you (one review per member; sending again replaces it)', EventRole.SCHOLARSHIP_COMMITTEE)
  @ApiOkResponse({ type: ApplicationReviewDto })
  @ApiProblems(400, 401, 403, 404, 409)
  review(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CommitteeReviewInputDto,
  ) {
    return this.committee.putReview(actor, access, id, body);
  }

  @Get('applications/:id/reviews')
  @ForEventVisitors(
    'Every committee member’s review of one application',
    'The scholarship committee only; for anyone else the application does not exist (404).',
  )
  @ApiOkResponse({ type: [ApplicationReviewDto] })
  @ApiProblems(400, 401, 404)
  reviews(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.committee.reviewsOf(actor, access, id);
  }

  @Get('programmes/:id/rankings')
  @ForCommittee('The programme’s applications ranked by calibrated score', CALIBRATION_DOC)
  @ApiOkResponse({ type: ScholarshipRankingPageDto })
  @ApiProblems(400, 401, 403, 404)
  ranking(@CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string, @Query() query: ScholarshipRankingQueryDto) {
    return this.committee.ranking(access, id, query);
  }
}
