import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';
import { ReportChoicesService } from '@lectern/domains/reports/report-choices.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { PutReportChoicesDto, ReportChoicesDto } from './report-choices.dto';

@ApiTokenArea('reports')
@ApiTags('reports')
@Controller({ path: 'events/:slug/report-choices', version: '1' })
export class ReportChoicesController {
  constructor(private readonly choices: ReportChoicesService) {}

  @Get()
  @RequireEventRole('What the organisers chose for the edition’s report (the defaults until they choose)', EventRole.ORGANISER)
  @ApiOkResponse({ type: ReportChoicesDto })
  @ApiProblems(401, 403, 404)
  get(@CurrentEvent() access: EventAccess) {
    return this.choices.get(access);
  }

  @Put()
  @RequireEventRole(
    'Replace the report choices (introduction, sections left out, countries before "Other"); the next report produced uses them',
    EventRole.ORGANISER,
  )
  @ApiOkResponse({ type: ReportChoicesDto })
  @ApiProblems(400, 401, 403, 404)
  put(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: PutReportChoicesDto) {
    return this.choices.put(actor, access, body);
  }
}
