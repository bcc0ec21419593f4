import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { PutReviewSettingsDto, ReviewSettingsDto } from './review-settings.dto';
import { ReviewSettingsService } from '@lectern/domains/reviews/review-settings.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';

@ApiTokenArea('reviews')
@Controller({ path: 'events/:slug/review-settings', version: '1' })
export class ReviewSettingsController {
  constructor(private readonly settings: ReviewSettingsService) {}

  @Get()
  @ApiTags('reviewing')
  @RequireEventRole('The review form and window: criteria, weights, scale, reviews wanted, anonymisation', EventRole.ORGANISER, EventRole.REVIEWER)
  @ApiOkResponse({ type: ReviewSettingsDto })
  @ApiProblems(401, 403, 404)
  get(@CurrentEvent() access: EventAccess) {
    return this.settings.get(access);
  }

  @Put()
  @ApiTags('reviews')
  // Above RequireEventRole so that this fuller description is the one applied last.
  @ApiOperation({
    summary: 'Set up or replace the review settings',
    description:
      'Requires one of these roles in the event: ORGANISER (or administrator). Criteria and scale can change only ' +
      'while no review exists (409 REVIEW_CRITERIA_LOCKED); leaving criteria out keeps the current ones.',
  })
  @RequireEventRole('Set up or replace the review settings', EventRole.ORGANISER)
  @ApiOkResponse({ type: ReviewSettingsDto })
  @ApiProblems(400, 401, 403, 404, 409)
  put(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: PutReviewSettingsDto) {
    return this.settings.put(actor, access, body);
  }
}
