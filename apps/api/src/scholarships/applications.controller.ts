import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { ForEventVisitors, CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import {
  ApplicationDto,
  ApplicationPageDto,
  CreateApplicationDto,
  ListApplicationsQueryDto,
  UpdateApplicationDto,
} from './applications.dto';
import { ApplicationsService } from '@lectern/domains/scholarships/applications.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';

const PRIVATE_DOC =
  'Its content and self-described answers are readable by the applicant and the scholarship committee only; for ' +
  'anyone else (organisers without the committee role included) the application does not exist (404).';

@ApiTags('scholarships')
@ApiBearerAuth()
@Controller({ path: 'events/:slug/scholarships', version: '1' })
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('applications')
  @ForEventVisitors(
    'Apply to a scholarship programme',
    `Any signed-in user, once per programme, while its window is open; consent must be true. ${PRIVATE_DOC}`,
  )
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiProblems(400, 401, 404, 409)
  apply(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateApplicationDto) {
    return this.applications.apply(actor, access, body);
  }

  @Get('applications/mine')
  @ForEventVisitors('Your applications in this edition, with their awards', 'Any signed-in user, for their own applications.')
  @ApiOkResponse({ type: [ApplicationDto] })
  @ApiProblems(401, 404)
  mine(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess) {
    return this.applications.mine(actor, access);
  }

  @Get('applications')
  @RequireEventRole('Applications, oldest first: who applied, for how much, review progress (no content)', EventRole.SCHOLARSHIP_COMMITTEE)
  @ApiOkResponse({ type: ApplicationPageDto })
  @ApiProblems(400, 401, 403, 404)
  list(@CurrentEvent() access: EventAccess, @Query() query: ListApplicationsQueryDto) {
    return this.applications.list(access, query);
  }

  @Get('applications/:id')
  @ForEventVisitors('One application', `The applicant, or a member of the scholarship committee (whose read is audited). ${PRIVATE_DOC}`)
  @ApiOkResponse({ type: ApplicationDto })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.applications.get(actor, access, id);
  }

  @Patch('applications/:id')
  @ForEventVisitors('Change your application', `The applicant, while the programme’s window is open. ${PRIVATE_DOC}`)
  @ApiOkResponse({ type: ApplicationDto })
  @ApiProblems(400, 401, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateApplicationDto,
  ) {
    return this.applications.update(actor, access, id, body);
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @ForEventVisitors(
    'Withdraw your application',
    'The applicant. Final; an application with an award that counts is settled by declining the award.',
  )
  @ApiOkResponse({ type: ApplicationDto })
  @ApiProblems(400, 401, 404, 409)
  withdraw(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.applications.withdraw(actor, access, id);
  }
}
