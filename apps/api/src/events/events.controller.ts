import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor, OptionalUser, Public } from '@api/http/auth.decorators';
import { PageQueryDto } from '@api/http/pagination.dto';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, RequireEventRole } from './event-access.guard';
import {
  AuditPageDto,
  CreateEventDto,
  CreateSeriesDto,
  EventDto,
  EventPageDto,
  GrantRoleDto,
  ListEventsQueryDto,
  RoleGrantDto,
  SeriesDto,
  UpdateEventDto,
  UpdateSeriesDto,
} from './events.dto';
import { EventsService } from '@lectern/domains/events/events.service';
import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';

@ApiTags('events')
@Controller({ version: '1' })
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post('series')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create an event series', description: 'Administrators only.' })
  @ApiCreatedResponse({ type: SeriesDto })
  @ApiProblems(400, 401, 403, 409)
  createSeries(@CurrentActor() actor: Actor, @Body() body: CreateSeriesDto) {
    return this.events.createSeries(actor, body);
  }

  @Public()
  @Get('series')
  @ApiOperation({ summary: 'List event series', description: 'Anyone may call this.' })
  @ApiOkResponse({ type: [SeriesDto] })
  listSeries() {
    return this.events.listSeries();
  }

  @Patch('series/:slug')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change a series’ languages or name',
    description:
      'Administrators, or organisers of one of its editions. The first language is the primary one, required in every translated field. ' +
      'Adding a language is always allowed: texts not yet translated into it read in the primary language until organisers add it. ' +
      'Dropping a language while a text or a published report is in it is a 409 SERIES_LANGUAGE_IN_USE naming where (languageUses); ' +
      'an empty list is a 400, and a new primary language some text lacks a 409, both SERIES_PRIMARY_LANGUAGE_MISSING. A name sent along is written first.',
  })
  @ApiOkResponse({ type: SeriesDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateSeries(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Body() body: UpdateSeriesDto) {
    return this.events.updateSeries(actor, slug, body);
  }

  @Post('events')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Create an edition of a series',
    description: 'Administrators, or organisers of another edition of the same series. The creator becomes its organiser.',
  })
  @ApiCreatedResponse({ type: EventDto })
  @ApiProblems(400, 401, 403, 404, 409)
  createEvent(@CurrentActor() actor: Actor, @Body() body: CreateEventDto) {
    return this.events.createEvent(actor, body);
  }

  @Public()
  @Get('events')
  @ApiOperation({ summary: 'List published editions, newest first', description: 'Anyone may call this. Drafts are not listed.' })
  @ApiOkResponse({ type: EventPageDto })
  @ApiProblems(400)
  list(@Query() query: ListEventsQueryDto) {
    return this.events.list(query);
  }

  @Public()
  @Get('events/:slug')
  @ApiOperation({
    summary: 'One edition',
    description: 'Anyone may read a published edition; a draft only administrators and people with a role in it.',
  })
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(404)
  get(@Param('slug') slug: string, @OptionalUser() user: AuthUser | undefined) {
    return this.events.get(slug, user);
  }

  @Patch('events/:slug')
  @RequireEventRole('Update an edition (details and status)', EventRole.ORGANISER)
  @ApiOkResponse({ type: EventDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: UpdateEventDto) {
    return this.events.update(actor, access, body);
  }

  @Get('events/:slug/roles')
  @RequireEventRole('List who holds which role in the edition', EventRole.ORGANISER)
  @ApiOkResponse({ type: [RoleGrantDto] })
  @ApiProblems(401, 403, 404)
  listRoles(@CurrentEvent() access: EventAccess) {
    return this.events.listRoles(access);
  }

  @Post('events/:slug/roles')
  @RequireEventRole('Grant a role to a user by e-mail (idempotent)', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: RoleGrantDto })
  @ApiProblems(400, 401, 403, 404)
  grantRole(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: GrantRoleDto) {
    return this.events.grantRole(actor, access, body);
  }

  @Delete('events/:slug/roles/:grantId')
  @HttpCode(204)
  @RequireEventRole('Revoke a role grant', EventRole.ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async revokeRole(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('grantId', uuidParam('grantId')) grantId: string,
  ) {
    await this.events.revokeRole(actor, access, grantId);
  }

  @Get('events/:slug/audit')
  @RequireEventRole('The edition’s audit log, newest first', EventRole.ORGANISER)
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblems(400, 401, 403, 404)
  auditLog(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.events.auditLog(access, query.limit, query.cursor);
  }
}
