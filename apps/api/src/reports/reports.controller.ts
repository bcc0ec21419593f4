import { Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { CurrentActor, OptionalUser, Public } from '@api/http/auth.decorators';
import { PageQueryDto } from '@api/http/pagination.dto';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { ReportDto, ReportPageDto, ReportPdfQueryDto } from './reports.dto';
import { Download, ReportsService } from '@lectern/domains/reports/reports.service';
import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';
import { ApiConditional, sendConditional } from '@api/programme/conditional-response';

const VISIBILITY = 'Organisers (and administrators) see every report of the edition; anyone else, signed in or not, only published ones.';

/**
 * The web edition is one self-contained page: its own inline CSS and SVG, no script, image, font or frame. The
 * policy allows exactly that (no script at all), sandboxes it, and stops it being framed; links still navigate.
 */
const WEB_EDITION_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

function send(reply: FastifyReply, download: Download, type: string, language?: string) {
  void reply.header('etag', download.etag).header('cache-control', download.cacheControl);
  if (download.notModified) {
    void reply.status(304);
    return undefined;
  }
  void reply
    .header('content-type', type)
    .header('content-length', String(download.body.length))
    .header('content-disposition', `inline; filename="${download.filename}"`);
  if (language) void reply.header('content-language', language);
  return download.body;
}

@ApiTokenArea('reports')
@ApiTags('reports')
@Controller({ path: 'events/:slug/reports', version: '1' })
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @HttpCode(202)
  @RequireEventRole(
    'Request the edition’s transparency report; a report already queued or running is returned instead of a second one',
    EventRole.ORGANISER,
  )
  @ApiAcceptedResponse({ type: ReportDto })
  @ApiProblems(401, 403, 404)
  request(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess) {
    return this.reports.request(actor, access);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'The edition’s reports, newest first', description: VISIBILITY })
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiOkResponse({ type: ReportPageDto })
  @ApiProblems(400, 404)
  list(@Param('slug') slug: string, @OptionalUser() user: AuthUser | undefined, @Query() query: PageQueryDto) {
    return this.reports.list(slug, user, query.limit, query.cursor);
  }

  @Public()
  @Get(':reportId')
  @ApiOperation({ summary: 'A report’s status and progress, and its files once produced', description: VISIBILITY })
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiOkResponse({ type: ReportDto })
  @ApiProblems(400, 404)
  get(@Param('slug') slug: string, @OptionalUser() user: AuthUser | undefined, @Param('reportId', uuidParam('reportId')) id: string) {
    return this.reports.get(slug, user, id);
  }

  @Public()
  @Get(':reportId/pdf')
  @ApiOperation({
    summary: 'Download one language edition of a report as PDF (ETag = its SHA-256; 304 on If-None-Match)',
    description: VISIBILITY,
  })
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiHeader({ name: 'if-none-match', required: false })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 304, description: 'The copy with this ETag is current' })
  @ApiProblems(400, 404, 409)
  async pdf(
    @Param('slug') slug: string,
    @OptionalUser() user: AuthUser | undefined,
    @Param('reportId', uuidParam('reportId')) id: string,
    @Query() query: ReportPdfQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const language = query.lang ?? 'en';
    return send(reply, await this.reports.pdf(slug, user, id, language, ifNoneMatch), 'application/pdf', language);
  }

  @Public()
  @Get(':reportId/html')
  @ApiOperation({
    summary: 'One language edition of a report as a self-contained web page (ETag = its SHA-256, Last-Modified = when the report was produced)',
    description: `${VISIBILITY} The same figures as the PDF and the JSON, each a \`<data value data-path>\` element naming where the JSON holds it; charts are inline SVG with a text equivalent; no script or external asset (a strict Content-Security-Policy says so). A report produced before web editions existed has none (404).`,
  })
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiConditional()
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The HTML page (UTF-8), its `<html lang>` the edition’s language', schema: { type: 'string' } })
  @ApiProblems(400, 404, 409)
  async html(
    @Param('slug') slug: string,
    @OptionalUser() user: AuthUser | undefined,
    @Param('reportId', uuidParam('reportId')) id: string,
    @Query() query: ReportPdfQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const language = query.lang ?? 'en';
    const page = await this.reports.html(slug, user, id, language);
    void reply.header('content-security-policy', WEB_EDITION_CSP).header('content-language', language);
    return sendConditional(reply, page, 'text/html; charset=utf-8', { ifNoneMatch, ifModifiedSince });
  }

  @Public()
  @Get(':reportId/json')
  @ApiOperation({
    summary: 'Download the machine-readable report (every number printed in the PDFs; ETag = its SHA-256)',
    description: VISIBILITY,
  })
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiHeader({ name: 'if-none-match', required: false })
  @ApiOkResponse({
    description: 'The report as JSON (format lectern-transparency-report/1); `labels` holds, per language of the edition, the titles and labels its PDF prints',
    schema: { type: 'object' },
  })
  @ApiResponse({ status: 304, description: 'The copy with this ETag is current' })
  @ApiProblems(400, 404, 409)
  async json(
    @Param('slug') slug: string,
    @OptionalUser() user: AuthUser | undefined,
    @Param('reportId', uuidParam('reportId')) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return send(reply, await this.reports.json(slug, user, id, ifNoneMatch), 'application/json; charset=utf-8');
  }

  @Post(':reportId/publish')
  @HttpCode(200)
  @RequireEventRole('Publish a produced report: from then on anyone may download it (publishing again changes nothing)', EventRole.ORGANISER)
  @ApiOkResponse({ type: ReportDto })
  @ApiProblems(400, 401, 403, 404, 409)
  publish(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('reportId', uuidParam('reportId')) id: string) {
    return this.reports.publish(actor, access, id);
  }
}
