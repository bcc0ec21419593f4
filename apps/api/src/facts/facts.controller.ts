import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/client';
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
import { Actor } from "@lectern/domains/auth/auth.types";
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';

const ORGANISER = EventRole.ORGANISER;

@ApiTags('event facts')
@Controller({ path: 'events/:slug', version: '1' })
export class FactsController {
  constructor(private readonly facts: FactsService) {}

  @Get('sponsors')
  @RequireEventRole('List the edition’s sponsors, oldest first', ORGANISER)
  @ApiOkResponse({ type: SponsorPageDto })
  @ApiProblems(400, 401, 403, 404)
  listSponsors(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.facts.listSponsors(access, query);
  }

  @Post('sponsors')
  @RequireEventRole('Add a sponsor with its tier', ORGANISER)
  @ApiCreatedResponse({ type: SponsorDto })
  @ApiProblems(400, 401, 403, 404, 409)
  createSponsor(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateSponsorDto) {
    return this.facts.createSponsor(actor, access, body);
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
    return this.facts.updateSponsor(actor, access, id, body);
  }

  @Delete('sponsors/:sponsorId')
  @HttpCode(204)
  @RequireEventRole('Remove a sponsor', ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async deleteSponsor(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('sponsorId', uuidParam('sponsorId')) id: string) {
    await this.facts.deleteSponsor(actor, access, id);
  }

  @Get('community-partners')
  @RequireEventRole('List the edition’s community partners, oldest first', ORGANISER)
  @ApiOkResponse({ type: CommunityPartnerPageDto })
  @ApiProblems(400, 401, 403, 404)
  listPartners(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.facts.listPartners(access, query);
  }

  @Post('community-partners')
  @RequireEventRole('Add a community partner', ORGANISER)
  @ApiCreatedResponse({ type: CommunityPartnerDto })
  @ApiProblems(400, 401, 403, 404, 409)
  createPartner(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateCommunityPartnerDto) {
    return this.facts.createPartner(actor, access, body);
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
    return this.facts.updatePartner(actor, access, id, body);
  }

  @Delete('community-partners/:partnerId')
  @HttpCode(204)
  @RequireEventRole('Remove a community partner', ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async deletePartner(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('partnerId', uuidParam('partnerId')) id: string) {
    await this.facts.deletePartner(actor, access, id);
  }

  @Get('media')
  @RequireEventRole('List media and analyst accreditations, oldest first', ORGANISER)
  @ApiOkResponse({ type: MediaAccreditationPageDto })
  @ApiProblems(400, 401, 403, 404)
  listAccreditations(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.facts.listAccreditations(access, query);
  }

  @Post('media')
  @RequireEventRole('Accredit a journalist or analyst, with their working language', ORGANISER)
  @ApiCreatedResponse({ type: MediaAccreditationDto })
  @ApiProblems(400, 401, 403, 404)
  createAccreditation(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateMediaAccreditationDto) {
    return this.facts.createAccreditation(actor, access, body);
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
    return this.facts.updateAccreditation(actor, access, id, body);
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
    await this.facts.deleteAccreditation(actor, access, id);
  }

  @Get('facts')
  @RequireEventRole('List facts entered by organisers (press clippings, figures, notes), oldest first', ORGANISER)
  @ApiOkResponse({ type: EventFactPageDto })
  @ApiProblems(400, 401, 403, 404)
  listFacts(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.facts.listFacts(access, query);
  }

  @Post('facts')
  @RequireEventRole('Enter a fact Lectern cannot compute; the report marks it as entered by the organisers', ORGANISER)
  @ApiCreatedResponse({ type: EventFactDto })
  @ApiProblems(400, 401, 403, 404)
  createFact(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateEventFactDto) {
    return this.facts.createFact(actor, access, body);
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
    return this.facts.updateFact(actor, access, id, body);
  }

  @Delete('facts/:factId')
  @HttpCode(204)
  @RequireEventRole('Delete an organiser-entered fact', ORGANISER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async deleteFact(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('factId', uuidParam('factId')) id: string) {
    await this.facts.deleteFact(actor, access, id);
  }
}
