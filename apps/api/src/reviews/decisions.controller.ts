import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, RequireEventRole, ForEventVisitors } from '@api/events/event-access.guard';
import {
  BulkDecisionDto,
  BulkDecisionResultDto,
  DecideDto,
  DecisionDto,
  ReleaseDto,
  ReleaseResultDto,
  SubmissionOutcomeDto,
} from './decisions.dto';
import { DecisionsService } from '@lectern/domains/reviews/decisions.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';

const OWNER = 'Only the owner of the submission (who submitted it), once the acceptance is released.';

@ApiTokenArea('reviews')
@ApiTags('decisions')
@Controller({ path: 'events/:slug', version: '1' })
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Put('submissions/:id/decision')
  @RequireEventRole('Accept, reject or waitlist a submission (speakers see it once released)', EventRole.ORGANISER)
  @ApiOkResponse({ type: DecisionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  decide(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: DecideDto,
  ) {
    return this.decisions.decide(actor, access, id, body.decision);
  }

  @Delete('submissions/:id/decision')
  @HttpCode(204)
  @RequireEventRole('Take back a decision that is not released yet', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async clear(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    await this.decisions.clear(actor, access, id);
  }

  @Get('submissions/:id/decision')
  @ForEventVisitors(
    'The released decision on a submission, with the reviewer comments meant for its speakers',
    'Speakers of the submission, and organisers (who see what the speakers see). Nothing is shown before the ' +
      'organisers release the decision; committee comments and reviewer names never are. Anyone else gets 404.',
  )
  @ApiOkResponse({ type: SubmissionOutcomeDto })
  @ApiProblems(400, 401, 404)
  outcome(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.decisions.outcome(actor, access, id);
  }

  @Post('submissions/:id/confirm')
  @HttpCode(200)
  @ForEventVisitors('Confirm an accepted talk', OWNER)
  @ApiOkResponse({ type: SubmissionOutcomeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  confirm(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.decisions.confirm(actor, access, id);
  }

  @Post('submissions/:id/decline')
  @HttpCode(200)
  @ForEventVisitors(
    'Decline an accepted talk (the best waitlisted talk of its track may take its place)',
    `${OWNER} When the review settings say so, the best waitlisted proposal of the same track is accepted and released at once.`,
  )
  @ApiOkResponse({ type: SubmissionOutcomeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  decline(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.decisions.decline(actor, access, id);
  }

  @Post('decisions/bulk')
  @HttpCode(200)
  @RequireEventRole('Decide by rank: accept (and waitlist) the best of each track or format by share or quota', EventRole.ORGANISER)
  @ApiOkResponse({ type: BulkDecisionResultDto })
  @ApiProblems(400, 401, 403, 404)
  bulk(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: BulkDecisionDto) {
    return this.decisions.bulk(actor, access, body);
  }

  @Post('decisions/release')
  @HttpCode(200)
  @RequireEventRole('Release pending decisions to the speakers (submission states change; speakers are notified)', EventRole.ORGANISER)
  @ApiOkResponse({ type: ReleaseResultDto })
  @ApiProblems(400, 401, 403, 404)
  release(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: ReleaseDto) {
    return this.decisions.release(actor, access, body);
  }
}
