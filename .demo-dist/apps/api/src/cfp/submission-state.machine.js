"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ORGANISER_VISIBLE_STATES = exports.LIMITED_STATES = exports.EDITABLE_STATES = exports.SUBMISSION_TRANSITIONS = void 0;
exports.canTransition = canTransition;
exports.assertTransition = assertTransition;
exports.domainEventFor = domainEventFor;
const enums_1 = require("../../../../libs/database/generated/enums");
const cfp_errors_1 = require("./cfp.errors");
/**
 * The one place that says which submission state may follow which. Speakers move a proposal from draft to
 * submitted and may withdraw it until a decision; the review issue decides (accepted, rejected, waitlisted); an
 * accepted speaker confirms or declines. Anything not listed is refused with a 409.
 */
exports.SUBMISSION_TRANSITIONS = {
    DRAFT: [enums_1.SubmissionState.SUBMITTED],
    SUBMITTED: [enums_1.SubmissionState.WITHDRAWN, enums_1.SubmissionState.ACCEPTED, enums_1.SubmissionState.REJECTED, enums_1.SubmissionState.WAITLISTED],
    WAITLISTED: [enums_1.SubmissionState.ACCEPTED, enums_1.SubmissionState.REJECTED],
    ACCEPTED: [enums_1.SubmissionState.CONFIRMED, enums_1.SubmissionState.DECLINED],
    WITHDRAWN: [],
    REJECTED: [],
    CONFIRMED: [],
    DECLINED: [],
};
/** States in which speakers may still change the content (while the CFP is open) and the list of speakers. */
exports.EDITABLE_STATES = [enums_1.SubmissionState.DRAFT, enums_1.SubmissionState.SUBMITTED];
/** States that use up one of a speaker's submissions under the per-speaker limit: everything actually submitted. */
exports.LIMITED_STATES = [
    enums_1.SubmissionState.SUBMITTED,
    enums_1.SubmissionState.ACCEPTED,
    enums_1.SubmissionState.REJECTED,
    enums_1.SubmissionState.WAITLISTED,
    enums_1.SubmissionState.CONFIRMED,
    enums_1.SubmissionState.DECLINED,
];
/** States organisers see; a draft belongs to its speakers until they submit it. */
exports.ORGANISER_VISIBLE_STATES = exports.LIMITED_STATES.concat(enums_1.SubmissionState.WITHDRAWN);
function canTransition(from, to) {
    return exports.SUBMISSION_TRANSITIONS[from].includes(to);
}
/** Throws the 409 problem SUBMISSION_TRANSITION when `to` may not follow `from`. */
function assertTransition(from, to) {
    if (!canTransition(from, to))
        throw cfp_errors_1.CfpErrors.illegalTransition(from, to);
}
/** The outbox event a transition records: specific ones where a mail follows, the generic one otherwise. */
function domainEventFor(to) {
    if (to === enums_1.SubmissionState.SUBMITTED)
        return 'submission.submitted';
    if (to === enums_1.SubmissionState.WITHDRAWN)
        return 'submission.withdrawn';
    return 'submission.state_changed';
}
//# sourceMappingURL=submission-state.machine.js.map