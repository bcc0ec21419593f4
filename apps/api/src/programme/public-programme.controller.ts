import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { CurrentEvent, ForEventVisitors } from '@api/events/event-access.guard';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { FeedsService } from '@lectern/domains/programme/feeds.service';
import { PublicFeedCache } from '@lectern/domains/programme/public-feed.cache';
import { sendConditional } from './conditional-response';
import { FEED_KINDS } from './feeds.fast-path';

const JSON_TYPE = 'application/json; charset=utf-8';
const WHO = 'Anyone, without a token, for a published event; only the latest released version is ever shown, never the draft.';

@ApiTags('programme')
@Controller({ path: 'events/:slug/programme', version: '1' })
export class PublicProgrammeController {
  constructor(
    private readonly feeds: FeedsService,
    private readonly cache: PublicFeedCache,
  ) {}

  @Public()
  @Get('schedule.json')
  @ForEventVisitors('The released programme as a c3voc schedule.json (https://c3voc.de/schedule/schema.json)', WHO)
  @ApiHeader({ name: 'if-none-match', required: false })
  @ApiHeader({ name: 'if-modified-since', required: false })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'The c3voc schedule document; ETag and Last-Modified name the release', schema: { type: 'object', additionalProperties: true } })
  @ApiResponse({ status: 304, description: 'The copy with this ETag (or of that date) is current' })
  @ApiProblems(404)
  async scheduleJson(
    @CurrentEvent() access: EventAccess,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const feed = await this.feeds.scheduleJson(access);
    // a repeat request is answered from the cache before Nest (feeds.fast-path.ts)
    this.cache.remember(access, FEED_KINDS.json(), undefined, feed, JSON_TYPE);
    return sendConditional(reply, feed, JSON_TYPE, { ifNoneMatch, ifModifiedSince });
  }
}
