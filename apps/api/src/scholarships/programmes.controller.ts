import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor, OptionalUser, Public } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { ForEventVisitors, CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { CreateProgrammeDto, ProgrammeDto, ProgrammeTotalsDto, UpdateProgrammeDto } from './programmes.dto';
import { ProgrammesService } from '@lectern/domains/scholarships/programmes.service';
import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';

@ApiTags('scholarships')
@Controller({ path: 'events/:slug/scholarships', version: '1' })
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post('programmes')
  @RequireEventRole('Create a scholarship programme', EventRole.ORGANISER)
  @ApiCreatedResponse({ type: ProgrammeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateProgrammeDto) {
    return this.programmes.create(actor, access, body);
  }

  @Public()
  @Get('programmes')
  @ForEventVisitors(
    'The edition’s scholarship programmes',
    'Anyone who can see the event. The budget and reviews per application are shown to organisers and the committee only.',
  )
  @ApiOkResponse({ type: [ProgrammeDto] })
  @ApiProblems(404)
  list(@OptionalUser() user: AuthUser | undefined, @CurrentEvent() access: EventAccess) {
    return this.programmes.list(user, access);
  }

  @Public()
  @Get('programmes/:id')
  @ForEventVisitors(
    'One scholarship programme',
    'Anyone who can see the event. The budget and reviews per application are shown to organisers and the committee only.',
  )
  @ApiOkResponse({ type: ProgrammeDto })
  @ApiProblems(400, 404)
  get(@OptionalUser() user: AuthUser | undefined, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.programmes.get(user, access, id);
  }

  @Patch('programmes/:id')
  @RequireEventRole('Change a scholarship programme (never its budget below what its awards hold)', EventRole.ORGANISER)
  @ApiOkResponse({ type: ProgrammeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateProgrammeDto,
  ) {
    return this.programmes.update(actor, access, id, body);
  }

  @Get('summary')
  @RequireEventRole(
    'Applications, awards and amounts per programme (counts and amounts only, no application content)',
    EventRole.ORGANISER,
    EventRole.SCHOLARSHIP_COMMITTEE,
  )
  @ApiOkResponse({ type: [ProgrammeTotalsDto] })
  @ApiProblems(401, 403, 404)
  totals(@CurrentEvent() access: EventAccess) {
    return this.programmes.totals(access);
  }
}
