import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { CurrentEvent, ForEventVisitors } from '@api/events/event-access.guard';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { PublicProgrammeService, RenderedFeed } from '@lectern/domains/programme/public-programme.service';

/** A feed with its validators; 304 when the caller's copy is current (If-None-Match, else If-Modified-Since). */
export function send(reply: FastifyReply, feed: RenderedFeed, type: string, ifNoneMatch: string | undefined, ifModifiedSince: string | undefined) {
  void reply
    .header('etag', feed.etag)
    .header('last-modified', feed.lastModified.toUTCString())
    .header('cache-control', 'public, max-age=60');
  const matches = ifNoneMatch !== undefined
    ? ifNoneMatch.split(',').map((tag) => tag.trim()).includes(feed.etag)
    : ifModifiedSince !== undefined && Math.floor(feed.lastModified.getTime() / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000);
  if (matches) {
    void reply.status(304);
    return undefined;
  }
  void reply.header('content-type', type);
  return feed.body;
}

const WHO = 'Anyone, without a token, for a published event; only the latest released version is ever shown, never the draft.';

@ApiTags('programme')
@Controller({ path: 'events/:slug/programme', version: '1' })
export class PublicProgrammeController {
  constructor(private readonly programme: PublicProgrammeService) {}

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
    return send(reply, await this.programme.scheduleJson(access), 'application/json; charset=utf-8', ifNoneMatch, ifModifiedSince);
  }
}
