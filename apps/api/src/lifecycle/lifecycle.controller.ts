import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { CurrentEvent, RequireEventRole } from '@api/events/event-access.guard';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CloneService } from '@lectern/domains/lifecycle/clone.service';
import { CloneEditionDto, ClonedEditionDto } from './lifecycle.dto';

/** An edition over its whole life: cloned from an earlier one, postponed, cancelled, moved online. */
@ApiTags('lifecycle')
@Controller({ path: 'events/:slug', version: '1' })
export class LifecycleController {
  constructor(private readonly clones: CloneService) {}

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
}
