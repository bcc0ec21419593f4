import { SubmissionState } from '@lectern/database/generated/enums';
import { DomainEventType } from '@lectern/audit/domain-events';
import { CfpErrors } from './cfp.errors';

/**
 * The one place that says which submission state may follow which. Speakers move a proposal from draft to
 * submitted and may withdraw it until a decision; the review issue decides (accepted, rejected, waitlisted); an
 * accepted speaker confirms or declines. Anything not listed is refused with a 409.
 */
export const SUBMISSION_TRANSITIONS: Readonly<Record<SubmissionState, readonly SubmissionState[]>> = {
  DRAFT: [SubmissionState.SUBMITTED],
  SUBMITTED: [SubmissionState.WITHDRAWN, SubmissionState.ACCEPTED, SubmissionState.REJECTED, SubmissionState.WAITLISTED],
  WAITLISTED: [SubmissionState.ACCEPTED, SubmissionState.REJECTED],
  ACCEPTED: [SubmissionState.CONFIRMED, SubmissionState.DECLINED],
  WITHDRAWN: [],
  REJECTED: [],
  CONFIRMED: [],
  DECLINED: [],
};

/** States in which speakers may still change the content (while the CFP is open) and the list of speakers. */
export const EDITABLE_STATES: readonly SubmissionState[] = [SubmissionState.DRAFT, SubmissionState.SUBMITTED];

/** States that use up one of a speaker's submissions under the per-speaker limit: everything actually submitted. */
export const LIMITED_STATES: readonly SubmissionState[] = [
  SubmissionState.SUBMITTED,
  SubmissionState.ACCEPTED,
  SubmissionState.REJECTED,
  SubmissionState.WAITLISTED,
  SubmissionState.CONFIRMED,
  SubmissionState.DECLINED,
];

/** States organisers see; a draft belongs to its speakers until they submit it. */
export const ORGANISER_VISIBLE_STATES: readonly SubmissionState[] = LIMITED_STATES.concat(SubmissionState.WITHDRAWN);

export function canTransition(from: SubmissionState, to: SubmissionState): boolean {
  return SUBMISSION_TRANSITIONS[from].includes(to);
}

/** Throws the 409 problem SUBMISSION_TRANSITION when `to` may not follow `from`. */
export function assertTransition(from: SubmissionState, to: SubmissionState): void {
  if (!canTransition(from, to)) throw CfpErrors.illegalTransition(from, to);
}

/** The outbox event a transition records: specific ones where a mail follows, the generic one otherwise. */
export function domainEventFor(to: SubmissionState): Extract<
  DomainEventType,
  'submission.submitted' | 'submission.withdrawn' | 'submission.state_changed'
> {
  if (to === SubmissionState.SUBMITTED) return 'submission.submitted';
  if (to === SubmissionState.WITHDRAWN) return 'submission.withdrawn';
  return 'submission.state_changed';
}
