import { Body, Controller, Get, Header, Headers, HttpCode, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { EventRole } from '@lectern/database/generated/enums';
import { AccountReadByRoute, CurrentActor, CurrentCaller } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import {
  CreateRegistrationDto,
  ListRegistrationsQueryDto,
  MyRegistrationDto,
  RegistrationDto,
  RegistrationPageDto,
  RegistrationSummaryDto,
  UpdateRegistrationDto,
} from './registrations.dto';
import { RegistrationsService } from '@lectern/domains/registrations/registrations.service';
import { RegistrationListingService } from '@lectern/domains/registrations/registration-listing.service';
import { RegistrationDetailsService } from '@lectern/domains/registrations/registration-details.service';
import { RegistrationStateService } from '@lectern/domains/registrations/registration-state.service';
import { CancellationsService } from '@lectern/domains/registrations/cancellations.service';
import { Actor, Caller } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';
import { Background } from '@api/http/background';

/** The attendee sees their own registration in full; an organiser sees it without self-described data or badge token. */
const ownerOrOrganiserView = {
  description: 'RegistrationDto for its attendee, RegistrationSummaryDto for an organiser',
  schema: { oneOf: [{ $ref: getSchemaPath(RegistrationDto) }, { $ref: getSchemaPath(RegistrationSummaryDto) }] },
};

@ApiTokenArea('registrations')
@ApiTags('registration')
@Controller({ version: '1' })
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly listing: RegistrationListingService,
    private readonly details: RegistrationDetailsService,
    private readonly states: RegistrationStateService,
    private readonly cancellations: CancellationsService,
  ) {}

  @Post('events/:slug/registrations')
  @AccountReadByRoute()
  @ApiBearerAuth()
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retry-safe creation: the same key and body return the stored response (Idempotent-Replayed: true); ' +
      'the same key with another body is a 422; while the first request is still running, a 409.',
  })
  @ApiOperation({
    summary: 'Register for an event',
    description:
      'Any signed-in user, once per event. Sold out: 409 SOLD_OUT, or a waiting-list entry (state WAITLISTED) ' +
      'when `waitlist` is true.',
  })
  @ApiCreatedResponse({ type: RegistrationDto })
  @ApiProblems(400, 401, 404, 409, 422, 503)
  async create(
    @CurrentCaller() caller: Caller,
    @Param('slug') slug: string,
    @Body() body: CreateRegistrationDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.registrations.create(caller, slug, body, idempotencyKey);
    void reply.status(result.status).header('content-type', 'application/json; charset=utf-8');
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get('events/:slug/registrations')
  @RequireEventRole('Registrations, oldest first, filtered by state, ticket type or name/e-mail', EventRole.ORGANISER)
  @ApiOkResponse({ type: RegistrationPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentEvent() access: EventAccess, @Query() query: ListRegistrationsQueryDto) {
    return this.listing.list(access, query);
  }

  @Get('events/:slug/registrations/export.csv')
  @Background()
  @RequireEventRole('Registrations as CSV (same filters as the list; no self-described data)', EventRole.ORGANISER)
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="registrations.csv"')
  @ApiOkResponse({ description: 'RFC 4180 CSV', schema: { type: 'string' } })
  @ApiProblems(400, 401, 403, 404, 503)
  async exportCsv(@CurrentEvent() access: EventAccess, @Query() query: ListRegistrationsQueryDto) {
    return new StreamableFile(await this.listing.exportCsv(access, query));
  }

  @Get('events/:slug/registrations/me')
  @ApiBearerAuth()
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiOperation({ summary: 'My registration for this event (the newest)', description: 'The signed-in attendee.' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiProblems(401, 404)
  mine(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    return this.details.mine(actor, slug);
  }

  @Get('me/registrations')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'All my registrations, newest first', description: 'The signed-in attendee.' })
  @ApiOkResponse({ type: [MyRegistrationDto] })
  @ApiProblems(401)
  listMine(@CurrentActor() actor: Actor) {
    return this.details.listMine(actor);
  }

  @Get('events/:slug/registrations/:id')
  @ApiBearerAuth()
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiOperation({
    summary: 'One registration',
    description:
      'Its attendee (everything, including self-described data and the badge token), or an organiser (without ' +
      'them). Anyone else gets 404.',
  })
  @ApiOkResponse(ownerOrOrganiserView)
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Param('id', uuidParam('id')) id: string) {
    return this.details.get(actor, slug, id);
  }

  @Patch('events/:slug/registrations/:id')
  @ApiBearerAuth()
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiOperation({
    summary: 'Update my details and self-described data',
    description: 'Its attendee only. Self-described fields need consentToReport; withdrawing consent erases them.',
  })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiProblems(400, 401, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateRegistrationDto,
  ) {
    return this.details.update(actor, slug, id, body);
  }

  @Post('events/:slug/registrations/:id/cancel')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiOperation({
    summary: 'Cancel a registration',
    description: 'Its attendee or an organiser. The freed seat is offered to the next person on the waiting list.',
  })
  @ApiOkResponse(ownerOrOrganiserView)
  @ApiProblems(400, 401, 404, 409, 503)
  cancel(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Param('id', uuidParam('id')) id: string) {
    return this.cancellations.cancel(actor, slug, id);
  }

  @Post('events/:slug/registrations/:id/accept-offer')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiOperation({
    summary: 'Take up a waiting-list offer before it expires',
    description: 'Its attendee only. Confirms the registration (pending when there is a price to pay).',
  })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiProblems(400, 401, 404, 409)
  acceptOffer(@CurrentActor() actor: Actor, @Param('slug') slug: string, @Param('id', uuidParam('id')) id: string) {
    return this.states.acceptOffer(actor, slug, id);
  }

  @Post('events/:slug/registrations/:id/mark-paid')
  @HttpCode(200)
  @RequireEventRole('Record the payment of a pending registration, which confirms it', EventRole.ORGANISER)
  @ApiOkResponse({ type: RegistrationSummaryDto })
  @ApiProblems(400, 401, 403, 404, 409)
  markPaid(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.states.markPaid(actor, access, id);
  }
}
