"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CfpErrors = void 0;
const domain_error_1 = require("../../../../libs/errors/domain.error");
exports.CfpErrors = {
    notConfigured: (slug) => new domain_error_1.DomainError('CFP_NOT_CONFIGURED', 404, { slug }),
    windowInvalid: () => new domain_error_1.DomainError('CFP_WINDOW_INVALID', 400),
    notOpenYet: (opensAtLocal, timezone) => new domain_error_1.DomainError('CFP_NOT_OPEN', 409, { opensAtLocal, timezone }, { extensions: { opensAtLocal, timezone } }),
    closed: (closesAtLocal, timezone) => new domain_error_1.DomainError('CFP_CLOSED', 409, { closesAtLocal, timezone }, { extensions: { closesAtLocal, timezone } }),
    formatNotFound: (format) => new domain_error_1.DomainError('FORMAT_NOT_FOUND', 404, { format }),
    formatSlugTaken: (format) => new domain_error_1.DomainError('FORMAT_SLUG_TAKEN', 409, { format }),
    formatInUse: (format) => new domain_error_1.DomainError('FORMAT_IN_USE', 409, { format }),
    trackNotFound: (track) => new domain_error_1.DomainError('TRACK_NOT_FOUND', 404, { track }),
    trackSlugTaken: (track) => new domain_error_1.DomainError('TRACK_SLUG_TAKEN', 409, { track }),
    trackInUse: (track) => new domain_error_1.DomainError('TRACK_IN_USE', 409, { track }),
    questionNotFound: () => new domain_error_1.DomainError('QUESTION_NOT_FOUND', 404),
    speakerProfileNotFound: () => new domain_error_1.DomainError('SPEAKER_PROFILE_NOT_FOUND', 404),
    speakerProfileRequired: () => new domain_error_1.DomainError('SPEAKER_PROFILE_REQUIRED', 409),
    submissionNotFound: () => new domain_error_1.DomainError('SUBMISSION_NOT_FOUND', 404),
    unknownFormat: (format) => new domain_error_1.DomainError('SUBMISSION_FORMAT_UNKNOWN', 400, { format }, { fieldErrors: [{ field: 'format', code: 'invalid' }] }),
    formatClosed: (format) => new domain_error_1.DomainError('SUBMISSION_FORMAT_CLOSED', 400, { format }),
    unknownTrack: (track) => new domain_error_1.DomainError('SUBMISSION_TRACK_UNKNOWN', 400, { track }, { fieldErrors: [{ field: 'track', code: 'invalid' }] }),
    unsupportedLanguage: (language, languages) => new domain_error_1.DomainError('SUBMISSION_LANGUAGE_UNSUPPORTED', 400, { language, languages: languages.join(', ') }),
    incomplete: (fieldErrors) => new domain_error_1.DomainError('SUBMISSION_INCOMPLETE', 422, {}, { fieldErrors }),
    illegalTransition: (from, to) => new domain_error_1.DomainError('SUBMISSION_TRANSITION', 409, { from, to }),
    notEditable: (state) => new domain_error_1.DomainError('SUBMISSION_NOT_EDITABLE', 409, { state }),
    ownerOnly: () => new domain_error_1.DomainError('SUBMISSION_OWNER_ONLY', 403),
    submissionLimit: (limit) => new domain_error_1.DomainError('SUBMISSION_LIMIT_REACHED', 409, { limit }, { extensions: { limit } }),
    speakerLimit: (max, format) => new domain_error_1.DomainError('SUBMISSION_SPEAKER_LIMIT', 409, { max, format }, { extensions: { maxSpeakers: max } }),
    invitationNotFound: () => new domain_error_1.DomainError('INVITATION_NOT_FOUND', 404),
    alreadySpeaker: (email) => new domain_error_1.DomainError('INVITATION_ALREADY_SPEAKER', 409, { email }),
    alreadyInvited: (email) => new domain_error_1.DomainError('INVITATION_DUPLICATE', 409, { email }),
    invitationNotPending: (status) => new domain_error_1.DomainError('INVITATION_NOT_PENDING', 409, { status }),
    cursorInvalid: () => new domain_error_1.DomainError('CURSOR_INVALID', 400),
    userNotFound: (email) => new domain_error_1.DomainError('USER_NOT_FOUND', 404, { email }),
    duplicateSpeaker: (email) => new domain_error_1.DomainError('SESSION_SPEAKER_DUPLICATE', 400, { email }),
};
//# sourceMappingURL=cfp.errors.js.map