import { DomainError, FieldError } from '@lectern/errors/domain.error';

/**
 * Refusals of the review domain. Those a reviewer can receive carry no parameters that describe a submission's
 * speakers: a reviewer's "not found" is the same for a submission that does not exist, is not assigned to them,
 * or conflicts with them, so not even its existence leaks.
 */
export const ReviewErrors = {
  notConfigured: (slug: string) => new DomainError('REVIEW_NOT_CONFIGURED', 404, { slug }),
  windowInvalid: () => new DomainError('REVIEW_WINDOW_INVALID', 400),
  scaleInvalid: () =>
    new DomainError('REVIEW_SCALE_INVALID', 400, {}, { fieldErrors: [{ field: 'scaleMax', code: 'invalid' }] }),
  confirmationWindowInvalid: (confirmationDays: number) =>
    new DomainError('REVIEW_CONFIRMATION_WINDOW_INVALID', 400, { confirmationDays }, {
      fieldErrors: [{ field: 'confirmationReminderDays', code: 'max', params: { max: confirmationDays - 1 } }],
    }),
  criteriaInvalid: (fieldErrors: FieldError[]) => new DomainError('REVIEW_CRITERIA_INVALID', 400, {}, { fieldErrors }),
  criteriaLocked: () => new DomainError('REVIEW_CRITERIA_LOCKED', 409),
  notOpenYet: (opensAtLocal: string, timezone: string) =>
    new DomainError('REVIEW_NOT_OPEN', 409, { opensAtLocal, timezone }, { extensions: { opensAtLocal, timezone } }),
  closed: (closesAtLocal: string, timezone: string) =>
    new DomainError('REVIEW_CLOSED', 409, { closesAtLocal, timezone }, { extensions: { closesAtLocal, timezone } }),
  reviewerNotFound: () => new DomainError('REVIEWER_NOT_FOUND', 404),
  unknownTrack: (track: string) =>
    new DomainError('REVIEW_TRACK_UNKNOWN', 400, { track }, { fieldErrors: [{ field: 'tracks', code: 'invalid' }] }),
  /** What a reviewer gets for anything outside their assignments, conflicted submissions included. */
  submissionNotFound: () => new DomainError('REVIEW_SUBMISSION_NOT_FOUND', 404),
  /** Organisers only. */
  submissionNotInEvent: () => new DomainError('SUBMISSION_NOT_FOUND', 404),
  notReviewable: (state: string) => new DomainError('REVIEW_SUBMISSION_NOT_REVIEWABLE', 409, { state }),
  conflict: () => new DomainError('REVIEW_CONFLICT_OF_INTEREST', 409),
  trackRestricted: () => new DomainError('REVIEW_TRACK_RESTRICTED', 409),
  assignmentExists: () => new DomainError('REVIEW_ASSIGNMENT_EXISTS', 409),
  assignmentNotFound: () => new DomainError('REVIEW_ASSIGNMENT_NOT_FOUND', 404),
  assignmentReviewed: () => new DomainError('REVIEW_ASSIGNMENT_REVIEWED', 409),
  reviewExists: () => new DomainError('REVIEW_EXISTS', 409),
  reviewNotFound: () => new DomainError('REVIEW_NOT_FOUND', 404),
  scoresInvalid: (fieldErrors: FieldError[]) => new DomainError('REVIEW_SCORES_INVALID', 400, {}, { fieldErrors }),
  conflictNotFound: () => new DomainError('REVIEW_CONFLICT_NOT_FOUND', 404),
  decisionNotFound: () => new DomainError('DECISION_NOT_FOUND', 404),
  bulkInvalid: (fieldErrors: FieldError[]) => new DomainError('DECISION_BULK_INVALID', 400, {}, { fieldErrors }),
  cursorInvalid: () => new DomainError('CURSOR_INVALID', 400),
  unknownGroup: (group: string, field: string) =>
    new DomainError('DECISION_GROUP_UNKNOWN', 400, { group }, { fieldErrors: [{ field, code: 'invalid' }] }),
};
