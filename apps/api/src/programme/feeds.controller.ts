import { Controller, Get, applyDecorators, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '@api/http/auth.decorators';
import { CurrentEvent, ForEventVisitors } from '@api/events/event-access.guard';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { FeedsService } from '@lectern/domains/programme/feeds.service';
import { PublicFeedCache, PublishedFeed } from '@lectern/domains/programme/public-feed.cache';
import { Validators, sendConditional } from './conditional-response';
import { FEED_KINDS } from './feeds.fast-path';

const WHO = 'Anyone, without a token, for a published event; only the latest released version is ever shown, never the draft.';
const XML = 'application/xml; charset=utf-8';
const ICS = 'text/calendar; charset=utf-8';

/** The validators, the language and the answers every feed shares. */
function Feed(summary: string, type: string, description: string) {
  return applyDecorators(
    Public(),
    ForEventVisitors(summary, WHO),
    ApiQuery({
      name: 'lang',
      required: false,
      description: "One of the edition's languages, for names and labels (the formats hold one text per name); its primary language otherwise",
      schema: { type: 'string' },
    }),
    ApiHeader({ name: 'if-none-match', required: false }),
    ApiHeader({ name: 'if-modified-since', required: false }),
    ApiProduces(type.split(';')[0]),
    ApiOkResponse({ description, schema: { type: 'string' } }),
    ApiResponse({ status: 304, description: 'The copy with this ETag (or of that date) is current' }),
  );
}

@ApiTags('programme')
@Controller({ path: 'events/:slug/programme', version: '1' })
export class FeedsController {
  constructor(
    private readonly feeds: FeedsService,
    private readonly cache: PublicFeedCache,
  ) {}

  /** Sends the feed and keeps it for a repeat request, which is answered before Nest (feeds.fast-path.ts). */
  private send(access: EventAccess, kind: string, lang: string | undefined, feed: PublishedFeed, type: string, reply: FastifyReply, validators: Validators) {
    this.cache.remember(access, kind, lang, feed, type);
    return sendConditional(reply, feed, type, validators);
  }

  @Get('schedule.xml')
  @Feed(
    'The released programme as a frab schedule.xml (https://c3voc.de/schedule/schema.xsd)',
    XML,
    'The frab/pentabarf schedule document; a session cancelled since an earlier release keeps its slot, its title marked and its recording opted out',
  )
  async scheduleXml(
    @CurrentEvent() access: EventAccess,
    @Query('lang') lang: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const feed = await this.feeds.scheduleXml(access, this.feeds.feedLanguage(access, lang));
    return this.send(access, FEED_KINDS.xml(), lang, feed, XML, reply, { ifNoneMatch, ifModifiedSince });
  }

  @Get('calendar.ics')
  @Feed(
    'The released programme as an iCalendar feed',
    ICS,
    'Every released session (UID stable per session, SEQUENCE the version that last changed it); sessions cancelled since an earlier release as STATUS:CANCELLED',
  )
  async programmeCalendar(
    @CurrentEvent() access: EventAccess,
    @Query('lang') lang: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const feed = await this.feeds.programmeCalendar(access, this.feeds.feedLanguage(access, lang));
    return this.send(access, FEED_KINDS.ics(), lang, feed, ICS, reply, { ifNoneMatch, ifModifiedSince });
  }

  @Get('rooms/:room/calendar.ics')
  @Feed('One room of the released programme as an iCalendar feed', ICS, "The room's released sessions, and those cancelled there as STATUS:CANCELLED")
  @ApiParam({ name: 'room', description: "The room's slug" })
  async roomCalendar(
    @CurrentEvent() access: EventAccess,
    @Param('room') room: string,
    @Query('lang') lang: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const feed = await this.feeds.roomCalendar(access, room, this.feeds.feedLanguage(access, lang));
    return this.send(access, FEED_KINDS.room(room), lang, feed, ICS, reply, { ifNoneMatch, ifModifiedSince });
  }

  @Get('speakers/:speakerId/calendar.ics')
  @Feed(
    "One speaker's sessions of the released programme as an iCalendar feed",
    ICS,
    "The speaker's released sessions, and those cancelled as STATUS:CANCELLED; names only, never an e-mail address",
  )
  @ApiParam({ name: 'speakerId', description: "The speaker's id, as the feeds give it (a person's guid)" })
  async speakerCalendar(
    @CurrentEvent() access: EventAccess,
    @Param('speakerId') speakerId: string,
    @Query('lang') lang: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const feed = await this.feeds.speakerCalendar(access, speakerId, this.feeds.feedLanguage(access, lang));
    return this.send(access, FEED_KINDS.speaker(speakerId), lang, feed, ICS, reply, { ifNoneMatch, ifModifiedSince });
  }
}
