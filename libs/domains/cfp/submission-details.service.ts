import { Injectable } from '@nestjs/common';
import { Clock } from '@lectern/clock/clock';
import { AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess, isOrganiser } from '@lectern/domains/events/event-visibility.policy';
import { CfpErrors } from './cfp.errors';
import { CfpRepository } from './cfp.repository';
import { isCfpOpen } from './cfp.service';
import { canSeeSubmission, isSpeakerOf } from './submission-access.policy';
import { EDITABLE_STATES } from './submission-state.machine';
import { toDetailView } from './submission.views';
import { SubmissionsRepository } from './submissions.repository';

/** One submission as the caller may see it (submission-access.policy), with whether they may still edit it. */
@Injectable()
export class SubmissionDetailsService {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly cfp: CfpRepository,
    private readonly clock: Clock,
  ) {}

  async get(actor: AuthUser, access: EventAccess, id: string) {
    const record = await this.submissions.findDetail(access.event.id, id);
    if (!record || !canSeeSubmission(record, actor, access)) throw CfpErrors.submissionNotFound();
    const settings = await this.cfp.findSettings(access.event.id);
    const editable = isSpeakerOf(record, actor.id) && EDITABLE_STATES.includes(record.state) && settings !== null && isCfpOpen(settings, this.clock.now());
    return toDetailView(record, { isOrganiser: isOrganiser(access.roles, actor), editable }, settings, access.event.timezone);
  }
}
