import { DomainError, FieldError } from '@lectern/errors/domain.error';

export const CfpErrors = {
  notConfigured: (slug: string) => new DomainError('CFP_NOT_CONFIGURED', 404, { slug }),
  windowInvalid: () => new DomainError('CFP_WINDOW_INVALID', 400),
  notOpenYet: (opensAtLocal: string, timezone: string) =>
    new DomainError('CFP_NOT_OPEN', 409, { opensAtLocal, timezone }, { extensions: { opensAtLocal, timezone } }),
  closed: (closesAtLocal: string, timezone: string) =>
    new DomainError('CFP_CLOSED', 409, { closesAtLocal, timezone }, { extensions: { closesAtLocal, timezone } }),
  formatNotFound: (format: string) => new DomainError('FORMAT_NOT_FOUND', 404, { format }),
  formatSlugTaken: (format: string) => new DomainError('FORMAT_SLUG_TAKEN', 409, { format }),
  formatInUse: (format: string) => new DomainError('FORMAT_IN_USE', 409, { format }),
  trackNotFound: (track: string) => new DomainError('TRACK_NOT_FOUND', 404, { track }),
  trackSlugTaken: (track: string) => new DomainError('TRACK_SLUG_TAKEN', 409, { track }),
  trackInUse: (track: string) => new DomainError('TRACK_IN_USE', 409, { track }),
  questionNotFound: () => new DomainError('QUESTION_NOT_FOUND', 404),
  speakerProfileNotFound: () => new DomainError('SPEAKER_PROFILE_NOT_FOUND', 404),
  speakerProfileRequired: () => new DomainError('SPEAKER_PROFILE_REQUIRED', 409),
  submissionNotFound: () => new DomainError('SUBMISSION_NOT_FOUND', 404),
  unknownFormat: (format: string) =>
    new DomainError('SUBMISSION_FORMAT_UNKNOWN', 400, { format }, { fieldErrors: [{ field: 'format', code: 'invalid' }] }),
  formatClosed: (format: string) => new DomainError('SUBMISSION_FORMAT_CLOSED', 400, { format }),
  unknownTrack: (track: string) =>
    new DomainError('SUBMISSION_TRACK_UNKNOWN', 400, { track }, { fieldErrors: [{ field: 'track', code: 'invalid' }] }),
  unsupportedLanguage: (language: string, languages: string[]) =>
    new DomainError('SUBMISSION_LANGUAGE_UNSUPPORTED', 400, { language, languages: languages.join(', ') }),
  incomplete: (fieldErrors: FieldError[]) => new DomainError('SUBMISSION_INCOMPLETE', 422, {}, { fieldErrors }),
  illegalTransition: (from: string, to: string) => new DomainError('SUBMISSION_TRANSITION', 409, { from, to }),
  notEditable: (state: string) => new DomainError('SUBMISSION_NOT_EDITABLE', 409, { state }),
  ownerOnly: () => new DomainError('SUBMISSION_OWNER_ONLY', 403),
  submissionLimit: (limit: number) => new DomainError('SUBMISSION_LIMIT_REACHED', 409, { limit }, { extensions: { limit } }),
  speakerLimit: (max: number, format: string) =>
    new DomainError('SUBMISSION_SPEAKER_LIMIT', 409, { max, format }, { extensions: { maxSpeakers: max } }),
  invitationNotFound: () => new DomainError('INVITATION_NOT_FOUND', 404),
  alreadySpeaker: (email: string) => new DomainError('INVITATION_ALREADY_SPEAKER', 409, { email }),
  alreadyInvited: (email: string) => new DomainError('INVITATION_DUPLICATE', 409, { email }),
  invitationNotPending: (status: string) => new DomainError('INVITATION_NOT_PENDING', 409, { status }),
  userNotFound: (email: string) => new DomainError('USER_NOT_FOUND', 404, { email }),
  duplicateSpeaker: (email: string) => new DomainError('SESSION_SPEAKER_DUPLICATE', 400, { email }),
};
