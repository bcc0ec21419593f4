import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { CurrentEvent, ForEventVisitors } from '@api/events/event-access.guard';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { AvailabilityService } from '@lectern/domains/programme/availability.service';
import { AvailabilityDto, PutAvailabilityDto } from './programme.dto';

const WHO = 'Speakers of a session of this edition (submitted or invited); anyone else gets 403 NOT_A_SPEAKER_OF_EVENT.';

@ApiTags('programme')
@ApiBearerAuth()
@Controller({ path: 'events/:slug/availability', version: '1' })
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get('me')
  @ForEventVisitors('When you can present at this edition', WHO)
  @ApiOkResponse({ type: AvailabilityDto })
  @ApiProblems(401, 403)
  mine(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess) {
    return this.availability.mine(actor, access);
  }

  @Put('me')
  @ForEventVisitors(
    'Replace when you can present at this edition, in your own time zone (stored as instants); an empty list means any time',
    WHO,
  )
  @ApiOkResponse({ type: AvailabilityDto })
  @ApiProblems(400, 401, 403)
  put(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: PutAvailabilityDto) {
    return this.availability.putMine(actor, access, body);
  }
}
