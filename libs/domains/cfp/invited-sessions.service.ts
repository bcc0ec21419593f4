import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { SpeakerRole, SubmissionOrigin, SubmissionState } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { normaliseEmail } from '@lectern/domains/auth/auth.service';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventAccess } from '@lectern/domains/events/event-visibility.policy';
import { CfpErrors } from './cfp.errors';
import { CfpRulesService } from './cfp-rules.service';
import { assertSpeakerSeats } from './submission-access.policy';
import { submissionAudit } from './submission.audit';
import { SubmissionDetailsService } from './submission-details.service';
import { SubmissionsRepository } from './submissions.repository';
import { CreateInvitedSessionInput } from './submissions.types';

/**
 * Organisers add a session directly: accepted from the start, with existing users as speakers, counted as a
 * session of its format but never as a CFP submission nor against anyone's submission limit.
 */
@Injectable()
export class InvitedSessionsService {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly rules: CfpRulesService,
    private readonly details: SubmissionDetailsService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, access: EventAccess, input: CreateInvitedSessionInput) {
    const event = access.event;
    const settings = await this.rules.settingsOf(access);
    const format = await this.rules.knownFormat(event.id, input.format);
    const trackId = input.track !== undefined ? (await this.rules.knownTrack(event.id, input.track)).id : null;
    const language = this.rules.knownLanguage(settings, input.language);
    const emails = input.speakers.map((s) => normaliseEmail(s.email));
    const duplicate = emails.find((email, index) => emails.indexOf(email) !== index);
    if (duplicate) throw CfpErrors.duplicateSpeaker(duplicate);
    assertSpeakerSeats(format, emails.length);
    const users = await this.submissions.usersByEmail(emails);
    const speakers = emails.map((email, index) => {
      const user = users.find((u) => u.email === email);
      if (!user) throw CfpErrors.userNotFound(email);
      return {
        userId: user.id,
        role: index === 0 ? SpeakerRole.OWNER : SpeakerRole.CO_SPEAKER,
        firstTimeSpeaker: user.speakerProfile?.firstTimeSpeaker ?? null,
      };
    });
    const id = await this.tx.run(async () => {
      const code = await this.rules.nextCode(access);
      const now = this.clock.now();
      const id = await this.submissions.create(
        {
          eventId: event.id,
          code,
          origin: SubmissionOrigin.INVITED,
          state: SubmissionState.ACCEPTED,
          title: input.title,
          abstract: input.abstract,
          description: input.description ?? null,
          formatId: format.id,
          trackId,
          level: input.level ?? null,
          language,
          submittedAt: now,
          stateChangedAt: now,
        },
        speakers,
      );
      await this.audit.record(
        submissionAudit(actor, access, 'session.invited', id, null, { code, title: input.title, format: format.slug, speakers: emails }),
        { type: 'session.invited', payload: { eventId: event.id, submissionId: id } },
      );
      return id;
    });
    return this.details.get(actor, access, id);
  }
}
