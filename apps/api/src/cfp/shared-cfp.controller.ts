import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole, OfferResponse } from '@lectern/database/generated/enums';
import { CurrentActor, Public } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, ForEventVisitors, RequireEventRole } from '@api/events/event-access.guard';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';
import { PageQueryDto } from '@api/http/pagination.dto';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { SharedCfpService } from '@lectern/domains/cfp/shared-cfp.service';
import {
  CfpGroupDto,
  OfferAnswerDto,
  OfferDecideDto,
  OfferDecisionDto,
  OfferReleaseResultDto,
  OfferedProposalPageDto,
  OffersDto,
  SetCfpGroupDto,
  SetOffersDto,
} from './shared-cfp.dto';

const OWNER = 'Only the owner of the proposal (who submitted it).';

/** One CFP for several editions: the group, the editions a proposal is offered to, decisions and answers per edition. */
@ApiTokenArea('proposals')
@ApiTags('shared-cfp')
@Controller({ path: 'events/:slug', version: '1' })
export class SharedCfpController {
  constructor(private readonly shared: SharedCfpService) {}

  @Get('cfp-group')
  @Public()
  @ForEventVisitors('The editions that share a CFP with this one', 'Anyone who can see the edition; 404 when it shares no CFP.')
  @ApiOkResponse({ type: CfpGroupDto })
  group(@CurrentEvent() access: EventAccess) {
    return this.shared.group(access);
  }

  @Put('cfp-group')
  @RequireEventRole(
    'Share this edition’s CFP with other editions of the series (it becomes the host: proposals are submitted and reviewed here)',
    EventRole.ORGANISER,
  )
  @ApiOkResponse({ type: CfpGroupDto })
  @ApiProblems(400, 401, 403, 404, 409)
  setGroup(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: SetCfpGroupDto) {
    return this.shared.setGroup(actor, access, body.editions);
  }

  @Get('submissions/:id/editions')
  @ApiBearerAuth()
  @ForEventVisitors(
    'The editions a proposal of the host’s CFP is offered to, with each one’s released decision and the speakers’ answer',
    'Speakers of the proposal, and the host’s organisers once it is submitted; anyone else gets 404.',
  )
  @ApiOkResponse({ type: OffersDto })
  @ApiProblems(400, 401, 404)
  offers(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.shared.offers(actor, access, id);
  }

  @Put('submissions/:id/editions')
  @ApiBearerAuth()
  @ForEventVisitors('Say which editions of the group the proposal can be presented at', `${OWNER} Not once an edition has decided on it.`)
  @ApiOkResponse({ type: OffersDto })
  @ApiProblems(400, 401, 403, 404, 409)
  setOffers(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string, @Body() body: SetOffersDto) {
    return this.shared.setOffers(actor, access, id, body.editions);
  }

  @Get('offers')
  @RequireEventRole('The proposals of a shared CFP offered to this edition, with this edition’s decisions', EventRole.ORGANISER)
  @ApiOkResponse({ type: OfferedProposalPageDto })
  @ApiProblems(400, 401, 403, 404)
  offered(@CurrentEvent() access: EventAccess, @Query() query: PageQueryDto) {
    return this.shared.offeredTo(access, query);
  }

  @Put('offers/:id/decision')
  @RequireEventRole('Accept, reject or waitlist a proposal offered to this edition (speakers see it once released)', EventRole.ORGANISER)
  @ApiOkResponse({ type: OfferDecisionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  decide(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string, @Body() body: OfferDecideDto) {
    return this.shared.decide(actor, access, id, body.decision);
  }

  @Post('offers/release')
  @HttpCode(200)
  @RequireEventRole('Release this edition’s pending decisions on offered proposals (speakers are notified)', EventRole.ORGANISER)
  @ApiOkResponse({ type: OfferReleaseResultDto })
  @ApiProblems(401, 403, 404)
  release(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess) {
    return this.shared.release(actor, access);
  }

  @Post('offers/:id/confirm')
  @HttpCode(200)
  @ApiBearerAuth()
  @ForEventVisitors('Confirm presenting an accepted proposal at this edition', OWNER)
  @ApiOkResponse({ type: OfferAnswerDto })
  @ApiProblems(400, 401, 403, 404, 409)
  confirm(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.shared.respond(actor, access, id, OfferResponse.CONFIRMED);
  }

  @Post('offers/:id/decline')
  @HttpCode(200)
  @ApiBearerAuth()
  @ForEventVisitors('Decline presenting an accepted proposal at this edition', OWNER)
  @ApiOkResponse({ type: OfferAnswerDto })
  @ApiProblems(400, 401, 403, 404, 409)
  decline(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.shared.respond(actor, access, id, OfferResponse.DECLINED);
  }
}
