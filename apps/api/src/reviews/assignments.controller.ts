import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import {
  AssignmentDto,
  AssignmentRunDto,
  ConflictDto,
  CreateAssignmentDto,
  DeclareConflictDto,
  ReviewerTracksDto,
  ReviewerTracksInputDto,
} from './assignments.dto';
import { AssignmentsService } from '@lectern/domains/reviews/assignments.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';

@ApiTokenArea('reviews')
@ApiTags('reviews')
@Controller({ path: 'events/:slug', version: '1' })
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post('review-assignments/auto')
  @HttpCode(200)
  @RequireEventRole(
    'Assign reviewers automatically: balanced loads, track limits and conflicts of interest respected, idempotent',
    EventRole.ORGANISER,
  )
  @ApiOkResponse({ type: AssignmentRunDto })
  @ApiProblems(401, 403, 404)
  auto(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess) {
    return this.assignments.runAutomatic(actor, access);
  }

  @Post('review-assignments')
  @RequireEventRole('Assign a reviewer to a submission by hand', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: AssignmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  add(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateAssignmentDto) {
    return this.assignments.add(actor, access, body);
  }

  @Delete('review-assignments/:id')
  @HttpCode(204)
  @RequireEventRole('Remove an assignment nobody has reviewed yet', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    await this.assignments.remove(actor, access, id);
  }

  @Put('reviewers/:userId/tracks')
  @RequireEventRole('Limit a reviewer to some tracks (an empty list lifts the limit)', EventRole.ORGANISER)
  @ApiOkResponse({ type: ReviewerTracksDto })
  @ApiProblems(400, 401, 403, 404)
  tracks(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: ReviewerTracksInputDto,
  ) {
    return this.assignments.setTracks(actor, access, userId, body);
  }

  @Get('review-conflicts')
  @RequireEventRole('Declared conflicts of interest (computed ones, such as same company, are not listed)', EventRole.ORGANISER)
  @ApiOkResponse({ type: [ConflictDto] })
  @ApiProblems(401, 403, 404)
  conflicts(@CurrentEvent() access: EventAccess) {
    return this.assignments.listConflicts(access);
  }

  @Post('review-conflicts')
  @RequireEventRole('Declare a conflict of interest for a reviewer (their assignment and review of it are removed)', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: ConflictDto })
  @ApiProblems(400, 401, 403, 404)
  declare(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: DeclareConflictDto) {
    return this.assignments.declareConflict(actor, access, body);
  }

  @Delete('review-conflicts/:id')
  @HttpCode(204)
  @RequireEventRole('Lift a declared conflict of interest', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async lift(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    await this.assignments.deleteConflict(actor, access, id);
  }
}
