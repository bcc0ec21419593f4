import { SpeakerRole, SubmissionState } from '@lectern/database/generated/enums';
import { AuthUser } from '@lectern/domains/auth/auth.types';
import { EventAccess, isOrganiser } from '@lectern/domains/events/event-visibility.policy';
import { CfpErrors } from './cfp.errors';
import { ORGANISER_VISIBLE_STATES } from './submission-state.machine';

interface WithSpeakers {
  speakers: readonly { userId: string; role?: SpeakerRole }[];
}

export const isSpeakerOf = (submission: WithSpeakers, userId: string) => submission.speakers.some((s) => s.userId === userId);

/**
 * The one rule for who may see a submission: its speakers (who accepted), and the edition's organisers once it
 * has left draft. Everyone else is told it does not exist.
 */
export function canSeeSubmission(submission: WithSpeakers & { state: SubmissionState }, user: AuthUser, access: EventAccess): boolean {
  if (isSpeakerOf(submission, user.id)) return true;
  return isOrganiser(access.roles, user) && ORGANISER_VISIBLE_STATES.includes(submission.state);
}

/** The submission if the caller is one of its speakers; otherwise SUBMISSION_NOT_FOUND. */
export function asSpeaker<S extends WithSpeakers>(submission: S | null | undefined, user: AuthUser): S {
  if (!submission || !isSpeakerOf(submission, user.id)) throw CfpErrors.submissionNotFound();
  return submission;
}

/** Only the owner submits, withdraws, invites and answers for the talk; other speakers get OWNER_ONLY. */
export function asOwner<S extends WithSpeakers>(submission: S | null | undefined, user: AuthUser): S {
  const speaker = asSpeaker(submission, user);
  if (!speaker.speakers.some((s) => s.userId === user.id && s.role === SpeakerRole.OWNER)) throw CfpErrors.ownerOnly();
  return speaker;
}

/** A format seats at most maxSpeakers, pending invitations included. */
export function assertSpeakerSeats(format: { maxSpeakers: number; slug: string } | null | undefined, speakers: number): void {
  if (format && speakers > format.maxSpeakers) throw CfpErrors.speakerLimit(format.maxSpeakers, format.slug);
}
