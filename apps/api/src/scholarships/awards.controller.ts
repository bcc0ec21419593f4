import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { ForEventVisitors, CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { AwardDto, AwardPageDto, CreateAwardDto, ListAwardsQueryDto } from './awards.dto';
import { AwardsService } from '@lectern/domains/scholarships/awards.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';

@ApiTags('scholarships')
@ApiBearerAuth()
@Controller({ path: 'events/:slug/scholarships', version: '1' })
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Post('awards')
  @RequireEventRole(
    'Award an application a travel grant (≤ the cap) and/or a free registration, within the budget',
    EventRole.SCHOLARSHIP_COMMITTEE,
  )
  @ApiCreatedResponse({ type: AwardDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateAwardDto) {
    return this.awards.award(actor, access, body);
  }

  @Get('awards')
  @RequireEventRole('Awards with recipients and amounts (no application content)', EventRole.ORGANISER, EventRole.SCHOLARSHIP_COMMITTEE)
  @ApiOkResponse({ type: AwardPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentEvent() access: EventAccess, @Query() query: ListAwardsQueryDto) {
    return this.awards.list(access, query);
  }

  @Post('awards/:id/accept')
  @HttpCode(200)
  @ForEventVisitors('Accept your award', 'The recipient, while the award is offered. Anyone else’s award does not exist (404).')
  @ApiOkResponse({ type: AwardDto })
  @ApiProblems(400, 401, 404, 409)
  accept(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.awards.accept(actor, access, id);
  }

  @Post('awards/:id/decline')
  @HttpCode(200)
  @ForEventVisitors(
    'Decline your award',
    'The recipient, while it is offered or accepted: its grant returns to the budget and its free registration is cancelled.',
  )
  @ApiOkResponse({ type: AwardDto })
  @ApiProblems(400, 401, 404, 409, 503)
  decline(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.awards.decline(actor, access, id);
  }

  @Post('awards/:id/revoke')
  @HttpCode(200)
  @RequireEventRole('Revoke an award: its grant returns to the budget and its free registration is cancelled', EventRole.SCHOLARSHIP_COMMITTEE)
  @ApiOkResponse({ type: AwardDto })
  @ApiProblems(400, 401, 403, 404, 409, 503)
  revoke(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.awards.revoke(actor, access, id);
  }
}
