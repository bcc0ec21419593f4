"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReviewErrors = void 0;
const domain_error_1 = require("../../../../libs/errors/domain.error");
/**
 * Refusals of the review domain. Those a reviewer can receive carry no parameters that describe a submission's
 * speakers: a reviewer's "not found" is the same for a submission that does not exist, is not assigned to them,
 * or conflicts with them, so not even its existence leaks.
 */
exports.ReviewErrors = {
    notConfigured: (slug) => new domain_error_1.DomainError('REVIEW_NOT_CONFIGURED', 404, { slug }),
    windowInvalid: () => new domain_error_1.DomainError('REVIEW_WINDOW_INVALID', 400),
    scaleInvalid: () => new domain_error_1.DomainError('REVIEW_SCALE_INVALID', 400, {}, { fieldErrors: [{ field: 'scaleMax', code: 'invalid' }] }),
    criteriaInvalid: (fieldErrors) => new domain_error_1.DomainError('REVIEW_CRITERIA_INVALID', 400, {}, { fieldErrors }),
    criteriaLocked: () => new domain_error_1.DomainError('REVIEW_CRITERIA_LOCKED', 409),
    notOpenYet: (opensAtLocal, timezone) => new domain_error_1.DomainError('REVIEW_NOT_OPEN', 409, { opensAtLocal, timezone }, { extensions: { opensAtLocal, timezone } }),
    closed: (closesAtLocal, timezone) => new domain_error_1.DomainError('REVIEW_CLOSED', 409, { closesAtLocal, timezone }, { extensions: { closesAtLocal, timezone } }),
    reviewerNotFound: () => new domain_error_1.DomainError('REVIEWER_NOT_FOUND', 404),
    unknownTrack: (track) => new domain_error_1.DomainError('REVIEW_TRACK_UNKNOWN', 400, { track }, { fieldErrors: [{ field: 'tracks', code: 'invalid' }] }),
    /** What a reviewer gets for anything outside their assignments, conflicted submissions included. */
    submissionNotFound: () => new domain_error_1.DomainError('REVIEW_SUBMISSION_NOT_FOUND', 404),
    /** Organisers only. */
    submissionNotInEvent: () => new domain_error_1.DomainError('SUBMISSION_NOT_FOUND', 404),
    notReviewable: (state) => new domain_error_1.DomainError('REVIEW_SUBMISSION_NOT_REVIEWABLE', 409, { state }),
    conflict: () => new domain_error_1.DomainError('REVIEW_CONFLICT_OF_INTEREST', 409),
    trackRestricted: () => new domain_error_1.DomainError('REVIEW_TRACK_RESTRICTED', 409),
    assignmentExists: () => new domain_error_1.DomainError('REVIEW_ASSIGNMENT_EXISTS', 409),
    assignmentNotFound: () => new domain_error_1.DomainError('REVIEW_ASSIGNMENT_NOT_FOUND', 404),
    assignmentReviewed: () => new domain_error_1.DomainError('REVIEW_ASSIGNMENT_REVIEWED', 409),
    reviewExists: () => new domain_error_1.DomainError('REVIEW_EXISTS', 409),
    reviewNotFound: () => new domain_error_1.DomainError('REVIEW_NOT_FOUND', 404),
    scoresInvalid: (fieldErrors) => new domain_error_1.DomainError('REVIEW_SCORES_INVALID', 400, {}, { fieldErrors }),
    conflictNotFound: () => new domain_error_1.DomainError('REVIEW_CONFLICT_NOT_FOUND', 404),
    decisionNotFound: () => new domain_error_1.DomainError('DECISION_NOT_FOUND', 404),
    bulkInvalid: (fieldErrors) => new domain_error_1.DomainError('DECISION_BULK_INVALID', 400, {}, { fieldErrors }),
    cursorInvalid: () => new domain_error_1.DomainError('CURSOR_INVALID', 400),
    unknownGroup: (group, field) => new domain_error_1.DomainError('DECISION_GROUP_UNKNOWN', 400, { group }, { fieldErrors: [{ field, code: 'invalid' }] }),
};
//# sourceMappingURL=reviews.errors.js.map