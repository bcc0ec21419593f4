import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { InvitationStatus, SpeakerRole, SubmissionState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { normaliseEmail } from '@lectern/domains/auth/auth.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CfpErrors } from './cfp.errors';
import { CfpRepository } from './cfp.repository';
import { CfpRulesService } from './cfp-rules.service';
import { assertCfpOpen } from './cfp.service';
import { asOwner, assertSpeakerSeats } from './submission-access.policy';
import { submissionAudit } from './submission.audit';
import { SubmissionDetailsService } from './submission-details.service';
import { EDITABLE_STATES } from './submission-state.machine';
import { speakerName } from './submission.views';
import { SubmissionsRepository } from './submissions.repository';

/** Co-speakers: the owner invites by e-mail, the invitee (whoever signs in with that e-mail) accepts or declines. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly cfp: CfpRepository,
    private readonly rules: CfpRulesService,
    private readonly details: SubmissionDetailsService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** The owner invites while the proposal can still change; pending invitations hold a speaker seat. */
  async invite(actor: Actor, access: EventAccess, id: string, rawEmail: string) {
    const email = normaliseEmail(rawEmail);
    const settings = await this.rules.settingsOf(access);
    await this.tx.run(async () => {
      await this.submissions.lock(id);
      const current = asOwner(await this.submissions.findDetail(access.event.id, id), actor);
      if (!EDITABLE_STATES.includes(current.state)) throw CfpErrors.notEditable(current.state);
      assertCfpOpen(settings, access.event.timezone, this.clock.now());
      if (current.speakers.some((s) => s.user.email === email)) throw CfpErrors.alreadySpeaker(email);
      const pending = current.invitations.filter((i) => i.status === InvitationStatus.PENDING);
      if (pending.some((i) => i.email === email)) throw CfpErrors.alreadyInvited(email);
      assertSpeakerSeats(current.format, current.speakers.length + pending.length + 1);
      const invitation = await this.submissions.createInvitation(id, email);
      await this.audit.record(submissionAudit(actor, access, 'cospeaker.invited', id, null, { invitationId: invitation.id, email }), {
        type: 'cospeaker.invited',
        payload: { eventId: access.event.id, submissionId: id, invitationId: invitation.id },
      });
    });
    return this.details.get(actor, access, id);
  }

  async revoke(actor: Actor, access: EventAccess, id: string, invitationId: string) {
    await this.tx.run(async () => {
      await this.submissions.lock(id);
      const current = asOwner(await this.submissions.findDetail(access.event.id, id), actor);
      const invitation = current.invitations.find((i) => i.id === invitationId);
      if (!invitation) throw CfpErrors.invitationNotFound();
      if (invitation.status !== InvitationStatus.PENDING) throw CfpErrors.invitationNotPending(invitation.status);
      await this.submissions.setInvitationStatus(invitationId, InvitationStatus.REVOKED, this.clock.now());
      await this.audit.record(submissionAudit(actor, access, 'cospeaker.revoked', id, { invitationId, email: invitation.email }, null));
    });
  }

  /** Open invitations addressed to the caller's e-mail, in every event. */
  async mine(actor: Actor) {
    const rows = await this.submissions.pendingInvitationsFor(normaliseEmail(actor.email));
    return rows.map((row) => ({
      id: row.id,
      eventSlug: row.submission.event.slug,
      eventName: row.submission.event.name,
      submissionId: row.submission.id,
      submissionCode: row.submission.code,
      title: row.submission.title,
      ownerName: row.submission.speakers[0] ? speakerName(row.submission.speakers[0]) : '',
      createdAt: row.createdAt,
    }));
  }

  /**
   * The invitee accepts: they need a speaker profile and their answers to required speaker questions, the format
   * must have a seat, and on a submitted proposal the per-speaker limit applies to them as it did to the others at
   * submit time.
   */
  async accept(actor: Actor, access: EventAccess, invitationId: string) {
    const event = access.event;
    const settings = await this.rules.settingsOf(access);
    const submissionId = await this.tx.run(async () => {
      const invitation = await this.addressedTo(actor, access, invitationId);
      await this.submissions.lock(invitation.submissionId);
      const current = await this.submissions.findDetail(event.id, invitation.submissionId);
      if (!current) throw CfpErrors.invitationNotFound();
      const fresh = current.invitations.find((i) => i.id === invitationId);
      if (!fresh || fresh.status !== InvitationStatus.PENDING) throw CfpErrors.invitationNotPending(fresh?.status ?? 'REVOKED');
      if (!EDITABLE_STATES.includes(current.state)) throw CfpErrors.notEditable(current.state);
      const profile = await this.cfp.findProfile(actor.id);
      if (!profile) throw CfpErrors.speakerProfileRequired();
      const missing = await this.rules.missingSpeakerAnswers(event.id, actor.id);
      if (missing.length > 0) throw CfpErrors.incomplete(missing);
      assertSpeakerSeats(current.format, current.speakers.length + 1);
      if (current.state === SubmissionState.SUBMITTED) await this.rules.assertWithinSpeakerLimit(event.id, [actor.id], settings);
      await this.submissions.addSpeaker(current.id, actor.id, SpeakerRole.CO_SPEAKER, profile.firstTimeSpeaker);
      await this.submissions.setInvitationStatus(invitationId, InvitationStatus.ACCEPTED, this.clock.now());
      await this.audit.record(submissionAudit(actor, access, 'cospeaker.accepted', current.id, null, { invitationId, userId: actor.id }));
      return current.id;
    });
    return this.details.get(actor, access, submissionId);
  }

  async decline(actor: Actor, access: EventAccess, invitationId: string) {
    await this.tx.run(async () => {
      const invitation = await this.addressedTo(actor, access, invitationId);
      await this.submissions.setInvitationStatus(invitationId, InvitationStatus.DECLINED, this.clock.now());
      await this.audit.record(submissionAudit(actor, access, 'cospeaker.declined', invitation.submissionId, null, { invitationId, userId: actor.id }));
    });
  }

  /** A pending invitation to the caller's e-mail; someone else's does not exist as far as the caller can tell. */
  private async addressedTo(actor: Actor, access: EventAccess, invitationId: string) {
    const invitation = await this.submissions.findInvitation(access.event.id, invitationId);
    if (!invitation || invitation.email !== normaliseEmail(actor.email)) throw CfpErrors.invitationNotFound();
    if (invitation.status !== InvitationStatus.PENDING) throw CfpErrors.invitationNotPending(invitation.status);
    return invitation;
  }
}
