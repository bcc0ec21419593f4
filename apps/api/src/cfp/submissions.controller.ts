import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { EventRole } from '@lectern/database/generated/enums';
import { CurrentActor } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { uuidParam } from '@api/http/uuid.pipe';
import { CurrentEvent, CurrentEventCall, ForEventVisitors, RequireEventRole, RequireEventRoleInStatement } from '@api/events/event-access.guard';
import {
  CreateInvitedSessionDto,
  CreateSubmissionDto,
  InviteCospeakerDto,
  ListSubmissionsQueryDto,
  MySubmissionDto,
  SubmissionCountsDto,
  SubmissionDto,
  SubmissionFilterQueryDto,
  SubmissionPageDto,
  UpdateSubmissionDto,
} from './submissions.dto';
import { SubmissionsService } from '@lectern/domains/cfp/submissions.service';
import { SubmissionDetailsService } from '@lectern/domains/cfp/submission-details.service';
import { SubmissionListingService } from '@lectern/domains/cfp/submission-listing.service';
import { InvitationsService } from '@lectern/domains/cfp/invitations.service';
import { InvitedSessionsService } from '@lectern/domains/cfp/invited-sessions.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess, EventCall } from '@lectern/domains/events/event-visibility.policy';
import { ApiTokenArea } from '@api/integrations/token-area.decorator';
import { Background } from '@api/http/background';
import { SendsJsonText } from '@api/http/json-text';

const SPEAKERS = 'Speakers of the submission (the owner and co-speakers who accepted)';
const OWNER = 'Only the owner of the submission';

@ApiTokenArea('proposals')
@ApiTags('submissions')
@ApiBearerAuth()
@Controller({ path: 'events/:slug', version: '1' })
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly details: SubmissionDetailsService,
    private readonly listing: SubmissionListingService,
    private readonly invitations: InvitationsService,
    private readonly invitedSessions: InvitedSessionsService,
  ) {}

  @Post('submissions')
  @ForEventVisitors(
    'Start a proposal (a draft; only its speakers see it until it is submitted)',
    'Any signed-in user while the CFP is open; the caller becomes its owner.',
  )
  @ApiCreatedResponse({ type: SubmissionDto })
  @ApiProblems(400, 401, 404, 409)
  create(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateSubmissionDto) {
    return this.submissions.create(actor, access, body);
  }

  @Get('submissions')
  @RequireEventRoleInStatement('List submissions: filters, text search, cursor pagination (drafts are never listed)', EventRole.ORGANISER)
  @ApiOkResponse({ type: SubmissionPageDto })
  @ApiProblems(400, 401, 403, 404)
  @SendsJsonText()
  list(@CurrentEventCall() call: EventCall, @Query() query: ListSubmissionsQueryDto) {
    return this.listing.list(call, query);
  }

  @Get('submissions/counts')
  @RequireEventRole('Submissions per state, track and format, for the same filters as the list', EventRole.ORGANISER)
  @ApiOkResponse({ type: SubmissionCountsDto })
  @ApiProblems(400, 401, 403, 404)
  counts(@CurrentEvent() access: EventAccess, @Query() query: SubmissionFilterQueryDto) {
    return this.listing.counts(access, query);
  }

  @Get('submissions/export.csv')
  @Background()
  @RequireEventRole('The filtered submissions as CSV (UTF-8, one row per submission)', EventRole.ORGANISER)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv', schema: { type: 'string' } })
  @ApiProblems(400, 401, 403, 404, 503)
  async export(@CurrentEvent() access: EventAccess, @Query() query: SubmissionFilterQueryDto) {
    return new StreamableFile(await this.listing.exportCsv(access, query), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${access.event.slug}-submissions.csv"`,
    });
  }

  @Get('submissions/mine')
  @ForEventVisitors('Your submissions in this event, drafts included', 'Any signed-in user, for themselves.')
  @ApiOkResponse({ type: [MySubmissionDto] })
  @ApiProblems(401, 404)
  mine(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess) {
    return this.listing.listMine(actor, access);
  }

  @Get('submissions/:id')
  @ForEventVisitors(
    'One submission',
    `${SPEAKERS}; organisers of the event (not drafts; they also see e-mails and speaker answers). Anyone else gets 404.`,
  )
  @ApiOkResponse({ type: SubmissionDto })
  @ApiProblems(400, 401, 404)
  get(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.details.get(actor, access, id);
  }

  @Patch('submissions/:id')
  @ForEventVisitors('Edit a submission', `${SPEAKERS}, while the CFP is open and no decision is made.`)
  @ApiOkResponse({ type: SubmissionDto })
  // 422 SUBMISSION_INCOMPLETE: a submitted submission may not clear a required answer
  @ApiProblems(400, 401, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateSubmissionDto,
  ) {
    return this.submissions.update(actor, access, id, body);
  }

  @Post('submissions/:id/submit')
  @HttpCode(200)
  @ForEventVisitors(
    'Submit a draft',
    `${OWNER}, while the CFP is open, with a speaker profile, every required field and answer, and within the per-speaker limit for every speaker.`,
  )
  @ApiOkResponse({ type: SubmissionDto })
  @ApiProblems(401, 403, 404, 409, 422)
  submit(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.submissions.submit(actor, access, id);
  }

  @Post('submissions/:id/withdraw')
  @HttpCode(200)
  @ForEventVisitors('Withdraw a submitted proposal', `${OWNER}, until a decision is made.`)
  @ApiOkResponse({ type: SubmissionDto })
  @ApiProblems(401, 403, 404, 409)
  withdraw(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Param('id', uuidParam('id')) id: string) {
    return this.submissions.withdraw(actor, access, id);
  }

  @Post('submissions/:id/cospeakers')
  @HttpCode(200)
  @ForEventVisitors(
    'Invite a co-speaker by e-mail (the invitee accepts or declines)',
    `${OWNER}, while the CFP is open; the format's speaker cap counts pending invitations.`,
  )
  @ApiOkResponse({ type: SubmissionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  invite(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: InviteCospeakerDto,
  ) {
    return this.invitations.invite(actor, access, id, body.email);
  }

  @Delete('submissions/:id/cospeakers/:invitationId')
  @HttpCode(204)
  @ForEventVisitors('Revoke a pending co-speaker invitation', OWNER)
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async revoke(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('id', uuidParam('id')) id: string,
    @Param('invitationId', uuidParam('invitationId')) invitationId: string,
  ) {
    await this.invitations.revoke(actor, access, id, invitationId);
  }

  @Post('cospeaker-invitations/:invitationId/accept')
  @HttpCode(200)
  @ForEventVisitors(
    'Accept a co-speaker invitation',
    'Only the invitee (signed in with the invited e-mail), with a speaker profile; returns the submission.',
  )
  @ApiOkResponse({ type: SubmissionDto })
  @ApiProblems(400, 401, 404, 409, 422)
  accept(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('invitationId', uuidParam('invitationId')) invitationId: string,
  ) {
    return this.invitations.accept(actor, access, invitationId);
  }

  @Post('cospeaker-invitations/:invitationId/decline')
  @HttpCode(204)
  @ForEventVisitors('Decline a co-speaker invitation', 'Only the invitee (signed in with the invited e-mail).')
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404, 409)
  async decline(
    @CurrentActor() actor: Actor,
    @CurrentEvent() access: EventAccess,
    @Param('invitationId', uuidParam('invitationId')) invitationId: string,
  ) {
    await this.invitations.decline(actor, access, invitationId);
  }

  @Post('invited-sessions')
  @RequireEventRole(
    'Add a session directly (invited keynote, maintainer slot): accepted from the start, never counted as a CFP submission',
    EventRole.ORGANISER,
  )
  @ApiCreatedResponse({ type: SubmissionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  createInvitedSession(@CurrentActor() actor: Actor, @CurrentEvent() access: EventAccess, @Body() body: CreateInvitedSessionDto) {
    return this.invitedSessions.create(actor, access, body);
  }
}
