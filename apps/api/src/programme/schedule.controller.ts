import { Body, Controller, Delete, ExecutionContext, Get, HttpCode, Param, Post, Put, createParamDecorator } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { EventRole } from '@lectern/database/generated/enums';
import { Language } from '@lectern/i18n/i18n';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { requestLanguage } from '@api/http/request-language';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ScheduleService } from '@lectern/domains/programme/schedule.service';
import { DraftScheduleDto, PlaceSessionDto, PlacementDto, ProposeScheduleDto, ScheduleCheckDto, ScheduleProposalDto } from './programme.dto';

/** The language the caller reads (Accept-Language), for texts the response carries (problem messages). */
export const ReaderLanguage = createParamDecorator((_: unknown, context: ExecutionContext): Language =>
  requestLanguage(context.switchToHttp().getRequest<FastifyRequest>()),
);

@ApiTags('programme')
@Controller({ path: 'events/:slug', version: '1' })
export class ScheduleController {
  constructor(private readonly schedule: ScheduleService) {}

  @Get('schedule/draft')
  @RequireEventRole('The draft schedule: every placed session with its soft problems (never public)', EventRole.ORGANISER)
  @ApiOkResponse({ type: DraftScheduleDto })
  draft(@CurrentEvent() access: EventAccess, @ReaderLanguage() language: Language) {
    return this.schedule.draft(access, language);
  }

  @Get('schedule/problems')
  @RequireEventRole(
    'Check the draft: speakers double-booked or outside their availability, sessions outside the days, not confirmed, sharing a track at one time, in a room too small, during a block',
    EventRole.ORGANISER,
  )
  @ApiOkResponse({ type: ScheduleCheckDto })
  check(@CurrentEvent() access: EventAccess, @ReaderLanguage() language: Language) {
    return this.schedule.check(access, language);
  }

  @Post('schedule/proposal')
  @HttpCode(200)
  @RequireEventRole(
    'Automatic first draft: place every confirmed (or invited) session that is in no room yet, with no hard conflict and few soft problems, keeping what is placed (or only what is pinned); deterministic',
    EventRole.ORGANISER,
  )
  @ApiOkResponse({ type: ScheduleProposalDto })
  @ApiProblems(400, 409)
  propose(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: ProposeScheduleDto, @ReaderLanguage() language: Language) {
    return this.schedule.propose(actor, access, body, language);
  }

  @Put('schedule/placements/:submissionId')
  @RequireEventRole(
    'Place a session (accepted or confirmed) in a room at a time, or move it. A room never holds two sessions at once: an overlap is a 409 ROOM_OCCUPIED; soft problems come back with the placement',
    EventRole.ORGANISER,
  )
  @ApiOkResponse({ type: PlacementDto })
  @ApiProblems(400, 409)
  place(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('submissionId', uuidParam('submissionId')) submissionId: string,
    @Body() body: PlaceSessionDto,
    @ReaderLanguage() language: Language,
  ) {
    return this.schedule.place(actor, access, submissionId, body, language);
  }

  @Get('schedule/placements/:submissionId')
  @RequireEventRole('One placed session with its soft problems', EventRole.ORGANISER)
  @ApiOkResponse({ type: PlacementDto })
  @ApiProblems(400)
  placement(
    @CurrentEvent() access: EventAccess,
    @Param('submissionId', uuidParam('submissionId')) submissionId: string,
    @ReaderLanguage() language: Language,
  ) {
    return this.schedule.placement(access, submissionId, language);
  }

  @Delete('schedule/placements/:submissionId')
  @HttpCode(204)
  @RequireEventRole('Take a session out of the draft schedule', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400)
  async unplace(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('submissionId', uuidParam('submissionId')) submissionId: string) {
    await this.schedule.unplace(actor, access, submissionId);
  }
}
