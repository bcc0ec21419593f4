import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { AttendanceDto, CheckInDto, CheckInResultDto } from './checkin.dto';
import { CheckInService } from '@lectern/domains/registrations/checkin.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';

@ApiTokenArea('checkin')
@ApiTags('registration')
@Controller({ path: 'events/:slug/check-ins', version: '1' })
export class CheckInController {
  constructor(private readonly checkIns: CheckInService) {}

  @Post()
  @RequireEventRole(
    'Scan a badge: 201 for the day’s first check-in, 200 with alreadyCheckedIn for a repeat',
    EventRole.CHECKIN_STAFF,
    EventRole.ORGANISER,
  )
  @ApiCreatedResponse({ type: CheckInResultDto })
  @ApiOkResponse({ type: CheckInResultDto, description: 'Already checked in today; nothing recorded' })
  @ApiProblems(400, 401, 403, 404, 409)
  async scan(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Body() body: CheckInDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.checkIns.scan(actor, access, body.badgeToken);
    void reply.status(result.created ? 201 : 200);
    return result.view;
  }

  @Get('summary')
  @RequireEventRole('Check-ins per event day', EventRole.CHECKIN_STAFF, EventRole.ORGANISER)
  @ApiOkResponse({ type: AttendanceDto })
  @ApiProblems(401, 403, 404)
  summary(@CurrentEvent() access: EventAccess) {
    return this.checkIns.attendance(access);
  }
}
