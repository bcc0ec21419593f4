import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor, OptionalUser, Public } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { CreateQuotaDto, CreateTicketTypeDto, QuotaDto, TicketTypeDto, UpdateQuotaDto, UpdateTicketTypeDto } from './ticket-types.dto';
import { TicketTypesService } from '@lectern/domains/registrations/ticket-types.service';
import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';

@ApiTokenArea('registrations')
@ApiTags('registration')
@Controller({ path: 'events/:slug', version: '1' })
export class TicketTypesController {
  constructor(private readonly ticketTypes: TicketTypesService) {}

  @Public()
  @Get('ticket-types')
  @ApiParam({ name: 'slug', description: 'Event slug' })
  @ApiOperation({
    summary: 'Ticket types with their seats left',
    description: 'Anyone may list a published event’s ticket types; organisers (bearer token) also see hidden ones.',
  })
  @ApiOkResponse({ type: [TicketTypeDto] })
  @ApiProblems(404)
  list(@Param('slug') slug: string, @OptionalUser() user: AuthUser | undefined) {
    return this.ticketTypes.list(slug, user);
  }

  @Post('ticket-types')
  @RequireEventRole('Create a ticket type', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: TicketTypeDto })
  @ApiProblems(400, 401, 403, 404)
  create(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateTicketTypeDto) {
    return this.ticketTypes.create(actor, access, body);
  }

  @Patch('ticket-types/:id')
  @RequireEventRole('Change a ticket type (not its attendance)', EventRole.ORGANISER)
  @ApiOkResponse({ type: TicketTypeDto })
  @ApiProblems(400, 401, 403, 404)
  update(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateTicketTypeDto,
  ) {
    return this.ticketTypes.update(actor, access, id, body);
  }

  @Get('quotas')
  @RequireEventRole('Quotas with their use', EventRole.ORGANISER)
  @ApiOkResponse({ type: [QuotaDto] })
  @ApiProblems(401, 403, 404)
  listQuotas(@CurrentEvent() access: EventAccess) {
    return this.ticketTypes.listQuotas(access);
  }

  @Post('quotas')
  @RequireEventRole('Create a quota shared by ticket types', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: QuotaDto })
  @ApiProblems(400, 401, 403, 404, 409, 503)
  createQuota(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateQuotaDto) {
    return this.ticketTypes.createQuota(actor, access, body);
  }

  @Patch('quotas/:id')
  @RequireEventRole('Resize a quota or change its ticket types; a larger quota offers seats to the waiting list', EventRole.ORGANISER)
  @ApiOkResponse({ type: QuotaDto })
  @ApiProblems(400, 401, 403, 404, 409, 503)
  updateQuota(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateQuotaDto,
  ) {
    return this.ticketTypes.updateQuota(actor, access, id, body);
  }
}
