import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { CurrentActor } from '@api/http/auth.decorators';
import { PageQueryDto } from '@api/http/pagination.dto';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import {
  CommunityPartnerDto,
  CommunityPartnerPageDto,
  CreateCommunityPartnerDto,
  CreateEventFactDto,
  CreateMediaAccreditationDto,
  CreateSponsorDto,
  EventFactDto,
  EventFactPageDto,
  MediaAccreditationDto,
  MediaAccreditationPageDto,
  SponsorDto,
  SponsorPageDto,
  UpdateCommunityPartnerDto,
  UpdateEventFactDto,
  UpdateMediaAccreditationDto,
  UpdateSponsorDto,
} from './facts.dto';
import { FactsService } from '@lectern/domains/facts/facts.service';
import { COMMUNITY_PARTNERS, EVENT_FACTS, MEDIA_ACCREDITATIONS, SPONSORS } from '@lectern/domains/facts/fact-kinds.policy';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';

const ORGANISER = EventRole.ORGANISER;

@ApiTokenArea('facts')
@ApiTags('event facts')
@Controller({ path: 'events/:slug', version: '1' })
export class FactsController {
  constructor(private readonly facts: FactsService) {}

  @Get('sponsors')
  @RequireEventRole('List the edition’s sponsors, oldest first', ORGANISER)
  @ApiOkResponse({ type: SponsorPageDto })
  @ApiProblems(400, 401, 403, 404)
  listSponsors(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.facts.list(SPONSORS, access, query);
  }

  @Post('sponsors')
  @RequireEventRole('Add a sponsor with its tier', ORGANISER)
  @ApiCreatedResponse({ type: SponsorDto })
  @ApiProblems(400, 401, 403, 404, 409)
  createSponsor(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateSponsorDto) {
    return this.facts.create(SPONSORS, actor, access, body);
  }

  @Patch('sponsors/:sponsorId')
  @RequireEventRole('Change a sponsor’s name, tier or website', ORGANISER)
  @ApiOkResponse({ type: SponsorDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateSponsor(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('sponsorId', uuidParam('sponsorId')) id: string,
    @Body() body: UpdateSponsorDto,
  ) {
    return this.facts.update(SPONSORS, actor, access, id, body);
  }

  @Delete('sponsors/:sponsorId')
  @HttpCode(204)
  @RequireEventRole('Remove a sponsor', ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async deleteSponsor(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('sponsorId', uuidParam('sponsorId')) id: string) {
    await this.facts.delete(SPONSORS, actor, access, id);
  }

  @Get('community-partners')
  @RequireEventRole('List the edition’s community partners, oldest first', ORGANISER)
  @ApiOkResponse({ type: CommunityPartnerPageDto })
  @ApiProblems(400, 401, 403, 404)
  listPartners(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.facts.list(COMMUNITY_PARTNERS, access, query);
  }

  @Post('community-partners')
  @RequireEventRole('Add a community partner', ORGANISER)
  @ApiCreatedResponse({ type: CommunityPartnerDto })
  @ApiProblems(400, 401, 403, 404, 409)
  createPartner(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateCommunityPartnerDto) {
    return this.facts.create(COMMUNITY_PARTNERS, actor, access, body);
  }

  @Patch('community-partners/:partnerId')
  @RequireEventRole('Change a community partner', ORGANISER)
  @ApiOkResponse({ type: CommunityPartnerDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updatePartner(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('partnerId', uuidParam('partnerId')) id: string,
    @Body() body: UpdateCommunityPartnerDto,
  ) {
    return this.facts.update(COMMUNITY_PARTNERS, actor, access, id, body);
  }

  @Delete('community-partners/:partnerId')
  @HttpCode(204)
  @RequireEventRole('Remove a community partner', ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async deletePartner(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('partnerId', uuidParam('partnerId')) id: string) {
    await this.facts.delete(COMMUNITY_PARTNERS, actor, access, id);
  }

  @Get('media')
  @RequireEventRole('List media and analyst accreditations, oldest first', ORGANISER)
  @ApiOkResponse({ type: MediaAccreditationPageDto })
  @ApiProblems(400, 401, 403, 404)
  listAccreditations(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.facts.list(MEDIA_ACCREDITATIONS, access, query);
  }

  @Post('media')
  @RequireEventRole('Accredit a journalist or analyst, with their working language', ORGANISER)
  @ApiCreatedResponse({ type: MediaAccreditationDto })
  @ApiProblems(400, 401, 403, 404)
  createAccreditation(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateMediaAccreditationDto) {
    return this.facts.create(MEDIA_ACCREDITATIONS, actor, access, body);
  }

  @Patch('media/:accreditationId')
  @RequireEventRole('Change a media or analyst accreditation', ORGANISER)
  @ApiOkResponse({ type: MediaAccreditationDto })
  @ApiProblems(400, 401, 403, 404)
  updateAccreditation(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('accreditationId', uuidParam('accreditationId')) id: string,
    @Body() body: UpdateMediaAccreditationDto,
  ) {
    return this.facts.update(MEDIA_ACCREDITATIONS, actor, access, id, body);
  }

  @Delete('media/:accreditationId')
  @HttpCode(204)
  @RequireEventRole('Withdraw a media or analyst accreditation', ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async deleteAccreditation(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('accreditationId', uuidParam('accreditationId')) id: string,
  ) {
    await this.facts.delete(MEDIA_ACCREDITATIONS, actor, access, id);
  }

  @Get('facts')
  @RequireEventRole('List facts entered by organisers (press clippings, figures, notes), oldest first', ORGANISER)
  @ApiOkResponse({ type: EventFactPageDto })
  @ApiProblems(400, 401, 403, 404)
  listFacts(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.facts.list(EVENT_FACTS, access, query);
  }

  @Post('facts')
  @RequireEventRole('Enter a fact Lectern cannot compute; the report marks it as entered by the organisers', ORGANISER)
  @ApiCreatedResponse({ type: EventFactDto })
  @ApiProblems(400, 401, 403, 404)
  createFact(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateEventFactDto) {
    return this.facts.create(EVENT_FACTS, actor, access, body);
  }

  @Patch('facts/:factId')
  @RequireEventRole('Change an organiser-entered fact', ORGANISER)
  @ApiOkResponse({ type: EventFactDto })
  @ApiProblems(400, 401, 403, 404)
  updateFact(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('factId', uuidParam('factId')) id: string,
    @Body() body: UpdateEventFactDto,
  ) {
    return this.facts.update(EVENT_FACTS, actor, access, id, body);
  }

  @Delete('facts/:factId')
  @HttpCode(204)
  @RequireEventRole('Delete an organiser-entered fact', ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async deleteFact(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('factId', uuidParam('factId')) id: string) {
    await this.facts.delete(EVENT_FACTS, actor, access, id);
  }
}
