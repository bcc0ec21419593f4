import { Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor, Public } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, ForEventVisitors, RequireEventRole } from '@api/events/event-access.guard';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { InterestService } from '@lectern/domains/programme/interest.service';
import { ApiConditional, sendConditional } from './conditional-response';
import { InterestCountsDto, InterestFeedDto, MyInterestDto } from './interest.dto';

const ATTENDEES = 'Attendees with a confirmed registration for this edition; anyone else gets 403 NOT_AN_ATTENDEE_OF_EVENT.';

@ApiTags('programme')
@Controller({ path: 'events/:slug', version: '1' })
export class InterestController {
  constructor(private readonly interest: InterestService) {}

  @Get('interests/me')
  @ApiBearerAuth()
  @ForEventVisitors('The sessions you marked, and whether you have a personal feed', ATTENDEES)
  @ApiOkResponse({ type: MyInterestDto })
  @ApiProblems(401, 403)
  mine(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess) {
    return this.interest.mine(actor, access);
  }

  @Put('interests/me/:submissionId')
  @ApiBearerAuth()
  @ForEventVisitors('Mark a session of the released programme you want to see (marking twice changes nothing)', ATTENDEES)
  @ApiOkResponse({ type: MyInterestDto })
  @ApiProblems(400, 401, 403)
  mark(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('submissionId', uuidParam('submissionId')) submissionId: string) {
    return this.interest.mark(actor, access, submissionId);
  }

  @Delete('interests/me/:submissionId')
  @HttpCode(204)
  @ApiBearerAuth()
  @ForEventVisitors('Unmark a session (unmarking one not marked changes nothing)', ATTENDEES)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403)
  async unmark(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('submissionId', uuidParam('submissionId')) submissionId: string) {
    await this.interest.unmark(actor, access, submissionId);
  }

  @Post('interests/me/feed')
  @ApiBearerAuth()
  @ForEventVisitors('Make (or rotate) the unguessable URL of your personal iCal feed; an earlier URL stops working', ATTENDEES)
  @ApiCreatedResponse({ type: InterestFeedDto })
  @ApiProblems(401, 403)
  rotateFeed(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess) {
    return this.interest.rotateFeed(actor, access);
  }

  @Public()
  @Get('interest-feeds/:token')
  @ForEventVisitors(
    'A personal iCal feed: the sessions its owner marked, as the latest release places them',
    'Anyone holding the URL (its token is the secret); 404 INTEREST_FEED_NOT_FOUND once rotated or when its owner is no longer registered.',
  )
  @ApiConditional()
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545); ETag and Last-Modified on every response', schema: { type: 'string' } })
  async feed(
    @CurrentEvent() access: EventAccess,
    @Param('token') token: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendConditional(reply, await this.interest.feed(access, token), 'text/calendar; charset=utf-8', { ifNoneMatch, ifModifiedSince });
  }

  @Get('schedule/interest')
  @RequireEventRole('How many attendees marked each session of the latest release, most marked first', EventRole.ORGANISER)
  @ApiOkResponse({ type: InterestCountsDto })
  counts(@CurrentEvent() access: EventAccess) {
    return this.interest.counts(access);
  }
}
