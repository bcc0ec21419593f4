import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { SpeakerProfileDto, SpeakerProfileInputDto } from './cfp.dto';
import { CfpService } from '@lectern/domains/cfp/cfp.service';
import { PendingInvitationDto } from './submissions.dto';
import { InvitationsService } from '@lectern/domains/cfp/invitations.service';
import { Actor } from '@lectern/domains/auth/auth.types';

@ApiTags('speakers')
@ApiBearerAuth()
@Controller({ path: 'me', version: '1' })
export class SpeakersController {
  constructor(
    private readonly cfp: CfpService,
    private readonly cospeakerInvitations: InvitationsService,
  ) {}

  @Get('speaker-profile')
  @ApiOperation({ summary: 'Your speaker profile', description: 'Any signed-in user, for themselves.' })
  @ApiOkResponse({ type: SpeakerProfileDto })
  @ApiProblems(401, 404)
  getProfile(@CurrentActor() actor: Actor) {
    return this.cfp.getProfile(actor);
  }

  @Put('speaker-profile')
  @ApiOperation({
    summary: 'Create or replace your speaker profile',
    description: 'Any signed-in user, for themselves. Needed before submitting or accepting a co-speaker invitation.',
  })
  @ApiOkResponse({ type: SpeakerProfileDto })
  @ApiProblems(400, 401)
  putProfile(@CurrentActor() actor: Actor, @Body() body: SpeakerProfileInputDto) {
    return this.cfp.putProfile(actor, body);
  }

  @Get('cospeaker-invitations')
  @ApiOperation({
    summary: 'Open co-speaker invitations addressed to your e-mail, in every event',
    description: 'Any signed-in user, for themselves. Accept or decline under /v1/events/{slug}/cospeaker-invitations/{id}.',
  })
  @ApiOkResponse({ type: [PendingInvitationDto] })
  @ApiProblems(401)
  invitations(@CurrentActor() actor: Actor) {
    return this.cospeakerInvitations.mine(actor);
  }
}
