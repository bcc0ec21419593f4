import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, ForEventVisitors } from '@api/events/event-access.guard';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { PublicProgrammePagesService } from '@lectern/domains/programme/public-programme-pages.service';
import { ApiConditional, sendConditional } from './conditional-response';
import { ProgrammeFiltersDto, PublicProgrammeDto, PublicSpeakerPageDto, PublicSpeakersDto } from './public-programme-pages.dto';

const JSON_TYPE = 'application/json; charset=utf-8';
const WHO =
  'Anyone, without a token, for a published event. Rooms and times come only from the latest released version, never the draft; speakers show only the profile fields they agreed to publish, never an e-mail.';

@ApiTags('programme')
@Controller({ path: 'events/:slug/programme', version: '1' })
export class PublicProgrammePagesController {
  constructor(private readonly pages: PublicProgrammePagesService) {}

  @Public()
  @Get('sessions')
  @ForEventVisitors('The public programme: released sessions with room, time, track, level, language, format and speakers; filters by day, track, level, language and room', WHO)
  @ApiConditional()
  @ApiProduces('application/json')
  @ApiOkResponse({ type: PublicProgrammeDto, description: 'ETag and Last-Modified on every response' })
  @ApiProblems(400)
  async sessions(
    @CurrentEvent() access: EventAccess,
    @Query() filters: ProgrammeFiltersDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendConditional(reply, await this.pages.sessions(access, filters), JSON_TYPE, { ifNoneMatch, ifModifiedSince });
  }

  @Public()
  @Get('speakers')
  @ForEventVisitors('The speakers of the released programme who publish their name, by name', WHO)
  @ApiConditional()
  @ApiProduces('application/json')
  @ApiOkResponse({ type: PublicSpeakersDto, description: 'ETag and Last-Modified on every response' })
  async speakers(
    @CurrentEvent() access: EventAccess,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendConditional(reply, await this.pages.speakers(access), JSON_TYPE, { ifNoneMatch, ifModifiedSince });
  }

  @Public()
  @Get('speakers/:speakerId')
  @ForEventVisitors('A speaker’s page: their published profile fields and their sessions in the released programme', WHO)
  @ApiConditional()
  @ApiProduces('application/json')
  @ApiOkResponse({ type: PublicSpeakerPageDto, description: 'ETag and Last-Modified on every response' })
  @ApiProblems(400)
  async speaker(
    @CurrentEvent() access: EventAccess,
    @Param('speakerId', uuidParam('speakerId')) speakerId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendConditional(reply, await this.pages.speaker(access, speakerId), JSON_TYPE, { ifNoneMatch, ifModifiedSince });
  }
}
