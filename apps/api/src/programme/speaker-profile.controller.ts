import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { Actor } from '@lectern/domains/auth/auth.types';
import { SpeakerProfileService } from '@lectern/domains/programme/speaker-profile.service';
import { PublicationDto, PutPublicationDto } from './speaker-profile.dto';

@ApiTags('speakers')
@ApiBearerAuth()
@Controller({ path: 'me/speaker-profile/publication', version: '1' })
export class SpeakerProfileController {
  constructor(private readonly publication: SpeakerProfileService) {}

  @Get()
  @ApiOperation({
    summary: 'Which fields of your speaker profile the public programme shows',
    description: 'Any signed-in user, for themselves. Until you choose, only your name; your e-mail never.',
  })
  @ApiOkResponse({ type: PublicationDto })
  @ApiProblems(401)
  mine(@CurrentActor() actor: Actor) {
    return this.publication.mine(actor);
  }

  @Put()
  @ApiOperation({
    summary: 'Choose which fields of your speaker profile the public programme shows (name, company, job title, bio, photo)',
    description: 'Any signed-in user, for themselves; applies to every edition at once. Fields left out go back to their defaults. publishPhoto needs a photoUrl (400 SPEAKER_PHOTO_URL_REQUIRED).',
  })
  @ApiOkResponse({ type: PublicationDto })
  @ApiProblems(400, 401)
  put(@CurrentActor() actor: Actor, @Body() body: PutPublicationDto) {
    return this.publication.putMine(actor, body);
  }
}
