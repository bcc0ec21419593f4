import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor, Public } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, RequireEventRole, ForEventVisitors } from '@api/events/event-access.guard';
import {
  CfpDto,
  CreateFormatDto,
  CreateQuestionDto,
  CreateTrackDto,
  FormatDto,
  PatchCfpSettingsDto,
  PutCfpSettingsDto,
  QuestionDto,
  SpeakerAnswersDto,
  SpeakerAnswersInputDto,
  TrackDto,
  UpdateFormatDto,
  UpdateQuestionDto,
  UpdateTrackDto,
} from './cfp.dto';
import { CfpService } from '@lectern/domains/cfp/cfp.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';

@ApiTokenArea('proposals')
@ApiTags('cfp')
@Controller({ path: 'events/:slug/cfp', version: '1' })
export class CfpController {
  constructor(private readonly cfp: CfpService) {}

  @Public()
  @Get()
  @ForEventVisitors(
    'The call for proposals: window, limits, formats, tracks, levels, languages and questions',
    'Anyone may read it for a published event (no token needed); for a draft event, only people with a role in it.',
  )
  @ApiOkResponse({ type: CfpDto })
  @ApiProblems(404)
  get(@CurrentEvent() access: EventAccess) {
    return this.cfp.get(access);
  }

  @Put()
  @RequireEventRole('Open the CFP (first call adds the default formats) or replace its settings', EventRole.ORGANISER)
  @ApiOkResponse({ type: CfpDto })
  @ApiProblems(400, 401, 403, 404)
  put(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: PutCfpSettingsDto) {
    return this.cfp.put(actor, access, body);
  }

  @Patch()
  @RequireEventRole('Change some CFP settings', EventRole.ORGANISER)
  @ApiOkResponse({ type: CfpDto })
  @ApiProblems(400, 401, 403, 404)
  patch(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: PatchCfpSettingsDto) {
    return this.cfp.patch(actor, access, body);
  }

  @Post('formats')
  @RequireEventRole('Add a session format', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: FormatDto })
  @ApiProblems(400, 401, 403, 404, 409)
  createFormat(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateFormatDto) {
    return this.cfp.createFormat(actor, access, body);
  }

  @Patch('formats/:format')
  @RequireEventRole('Change a session format', EventRole.ORGANISER)
  @ApiOkResponse({ type: FormatDto })
  @ApiProblems(400, 401, 403, 404)
  updateFormat(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('format') format: string,
    @Body() body: UpdateFormatDto,
  ) {
    return this.cfp.updateFormat(actor, access, format, body);
  }

  @Delete('formats/:format')
  @HttpCode(204)
  @RequireEventRole('Delete a session format no submission uses', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404, 409)
  async deleteFormat(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('format') format: string) {
    await this.cfp.deleteFormat(actor, access, format);
  }

  @Post('tracks')
  @RequireEventRole('Add a track', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: TrackDto })
  @ApiProblems(400, 401, 403, 404, 409)
  createTrack(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateTrackDto) {
    return this.cfp.createTrack(actor, access, body);
  }

  @Patch('tracks/:track')
  @RequireEventRole('Change a track', EventRole.ORGANISER)
  @ApiOkResponse({ type: TrackDto })
  @ApiProblems(400, 401, 403, 404)
  updateTrack(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('track') track: string,
    @Body() body: UpdateTrackDto,
  ) {
    return this.cfp.updateTrack(actor, access, track, body);
  }

  @Delete('tracks/:track')
  @HttpCode(204)
  @RequireEventRole('Delete a track no submission uses', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404, 409)
  async deleteTrack(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('track') track: string) {
    await this.cfp.deleteTrack(actor, access, track);
  }

  @Post('questions')
  @RequireEventRole('Add a custom question', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: QuestionDto })
  @ApiProblems(400, 401, 403, 404)
  createQuestion(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateQuestionDto) {
    return this.cfp.createQuestion(actor, access, body);
  }

  @Patch('questions/:questionId')
  @RequireEventRole('Change a custom question (its scope and type stay)', EventRole.ORGANISER)
  @ApiOkResponse({ type: QuestionDto })
  @ApiProblems(400, 401, 403, 404)
  updateQuestion(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('questionId', uuidParam('questionId')) questionId: string,
    @Body() body: UpdateQuestionDto,
  ) {
    return this.cfp.updateQuestion(actor, access, questionId, body);
  }

  @Delete('questions/:questionId')
  @HttpCode(204)
  @RequireEventRole('Archive a custom question: no longer asked, answers kept', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async archiveQuestion(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('questionId', uuidParam('questionId')) questionId: string,
  ) {
    await this.cfp.archiveQuestion(actor, access, questionId);
  }

  @Get('speaker-answers')
  @ApiBearerAuth()
  @ForEventVisitors('Your answers to this event’s speaker questions', 'Any signed-in user, for themselves.')
  @ApiOkResponse({ type: SpeakerAnswersDto })
  @ApiProblems(401, 404)
  getSpeakerAnswers(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess) {
    return this.cfp.getSpeakerAnswers(actor, access);
  }

  @Put('speaker-answers')
  @ApiBearerAuth()
  @ForEventVisitors(
    'Answer this event’s speaker questions (asked once per speaker, not per submission)',
    'Any signed-in user, for themselves. Answers left out are kept; null removes one.',
  )
  @ApiOkResponse({ type: SpeakerAnswersDto })
  @ApiProblems(400, 401, 404)
  putSpeakerAnswers(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: SpeakerAnswersInputDto) {
    return this.cfp.putSpeakerAnswers(actor, access, body);
  }
}
