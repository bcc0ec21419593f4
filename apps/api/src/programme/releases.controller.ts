import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ReleasesService } from '@lectern/domains/programme/releases.service';
import { CreateReleaseDto, ScheduleReleaseDto } from './programme.dto';
import { versionParam } from './version.pipe';

@ApiTags('programme')
@Controller({ path: 'events/:slug/schedule/releases', version: '1' })
export class ReleasesController {
  constructor(private readonly releases: ReleasesService) {}

  @Post()
  @RequireEventRole(
    'Release the draft: freeze it as the next numbered version with its changelog (new, moved, cancelled); speakers of new or moved sessions get one e-mail each with an .ics',
    EventRole.ORGANISER,
  )
  @ApiCreatedResponse({ type: ScheduleReleaseDto })
  @ApiProblems(400)
  release(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateReleaseDto) {
    return this.releases.release(actor, access, body.comment);
  }

  @Get()
  @RequireEventRole('Every released version, newest first, with its changelog', EventRole.ORGANISER)
  @ApiOkResponse({ type: [ScheduleReleaseDto] })
  list(@CurrentEvent() access: EventAccess) {
    return this.releases.list(access);
  }

  @Get(':version')
  @RequireEventRole('One released version with its changelog', EventRole.ORGANISER)
  @ApiOkResponse({ type: ScheduleReleaseDto })
  @ApiProblems(400)
  get(@CurrentEvent() access: EventAccess, @Param('version', versionParam()) version: number) {
    return this.releases.get(access, version);
  }
}
