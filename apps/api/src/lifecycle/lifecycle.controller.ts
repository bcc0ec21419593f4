import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CloneService } from '@lectern/domains/lifecycle/clone.service';
import { LifecycleService } from '@lectern/domains/lifecycle/lifecycle.service';
import {
  CloneEditionDto,
  ClonedEditionDto,
  EditionChangeListDto,
  EditionChangeResultDto,
  MoveOnlineDto,
  PostponeEditionDto,
  RescheduleEditionDto,
} from './lifecycle.dto';

const TOLD =
  'Everybody concerned (registrants, speakers of open or accepted proposals, scholarship applicants, role holders) gets one e-mail in their language.';

/** An edition over its whole life: cloned from an earlier one, postponed, cancelled, moved online. */
@ApiTags('lifecycle')
@Controller({ path: 'events/:slug', version: '1' })
export class LifecycleController {
  constructor(
    private readonly clones: CloneService,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Post('clone')
  @RequireEventRole(
    'Create a new edition (a draft) from this one, every date moved: its configuration, never its people, proposals or registrations; the caller becomes its organiser',
    EventRole.ORGANISER,
  )
  @ApiCreatedResponse({ type: ClonedEditionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  clone(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CloneEditionDto) {
    return this.clones.clone(actor, access, body);
  }

  @Post('postpone')
  @HttpCode(200)
  @RequireEventRole(
    `Postpone a published edition, to new dates or to dates to be announced; registrations, awards and decisions stay valid. ${TOLD}`,
    EventRole.ORGANISER,
  )
  @ApiOkResponse({ type: EditionChangeResultDto })
  @ApiProblems(400, 401, 403, 404, 409)
  postpone(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: PostponeEditionDto) {
    return this.lifecycle.postpone(actor, access, body);
  }

  @Post('reschedule')
  @HttpCode(200)
  @RequireEventRole(`Publish a postponed edition again, on new dates (or the dates it was postponed to). ${TOLD}`, EventRole.ORGANISER)
  @ApiOkResponse({ type: EditionChangeResultDto })
  @ApiProblems(400, 401, 403, 404, 409)
  reschedule(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: RescheduleEditionDto) {
    return this.lifecycle.reschedule(actor, access, body);
  }

  @Post('cancel')
  @HttpCode(200)
  @RequireEventRole(`Cancel the edition: every registration cancelled with what was paid marked as refund due; nothing deleted. ${TOLD}`, EventRole.ORGANISER)
  @ApiOkResponse({ type: EditionChangeResultDto })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess) {
    return this.lifecycle.cancel(actor, access);
  }

  @Post('move-online')
  @HttpCode(200)
  @RequireEventRole(
    `Move an in-person or hybrid edition online: each in-person ticket type's registrations become a virtual type or are cancelled with refund due; no in-person seat is sold from then on; rooms become streams. ${TOLD}`,
    EventRole.ORGANISER,
  )
  @ApiOkResponse({ type: EditionChangeResultDto })
  @ApiProblems(400, 401, 403, 404, 409)
  moveOnline(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: MoveOnlineDto) {
    return this.lifecycle.moveOnline(actor, access, body);
  }

  @Get('changes')
  @RequireEventRole('The edition’s postponements, reschedulings, cancellation and moves online, oldest first', EventRole.ORGANISER)
  @ApiOkResponse({ type: EditionChangeListDto })
  @ApiProblems(401, 403, 404)
  changes(@CurrentEvent() access: EventAccess) {
    return this.lifecycle.changes(access);
  }
}
