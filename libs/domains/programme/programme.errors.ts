import { DomainError, FieldError } from '@lectern/errors/domain.error';

export const ProgrammeErrors = {
  roomNotFound: (room: string) => new DomainError('ROOM_NOT_FOUND', 404, { room }),
  roomSlugTaken: (room: string) => new DomainError('ROOM_SLUG_TAKEN', 409, { room }),
  roomInUse: (room: string) => new DomainError('ROOM_IN_USE', 409, { room }),
  unknownRoom: (room: string) => new DomainError('ROOM_UNKNOWN', 400, { room }, { fieldErrors: [{ field: 'room', code: 'invalid' }] }),
  blockNotFound: () => new DomainError('SCHEDULE_BLOCK_NOT_FOUND', 404),
  sessionNotFound: () => new DomainError('SESSION_NOT_FOUND', 404),
  notPlaceable: (state: string) => new DomainError('SESSION_NOT_PLACEABLE', 409, { state }),
  lengthRequired: () =>
    new DomainError('SESSION_LENGTH_REQUIRED', 400, {}, { fieldErrors: [{ field: 'lengthMinutes', code: 'isDefined' }] }),
  /** The exclusion constraint refused the placement: the room already holds a session then. */
  roomOccupied: (room: string) => new DomainError('ROOM_OCCUPIED', 409, { room }),
  /** An organiser placed a session into a slot the proposal took, while it ran; nothing of it was kept. */
  proposalConflict: () => new DomainError('SCHEDULE_PROPOSAL_CONFLICT', 409),
  releaseNotFound: (version: number) => new DomainError('SCHEDULE_RELEASE_NOT_FOUND', 404, { version }),
  notReleased: () => new DomainError('PROGRAMME_NOT_RELEASED', 404),
  placementNotFound: () => new DomainError('PLACEMENT_NOT_FOUND', 404),
  rangeInvalid: (field: string) => new DomainError('TIME_RANGE_INVALID', 400, {}, { fieldErrors: [{ field, code: 'invalid' }] }),
  daysInvalid: (fieldErrors: FieldError[]) => new DomainError('VALIDATION_FAILED', 400, {}, { fieldErrors }),
  /** No session of the released programme has this speaker (an unknown id gets the same answer). */
  speakerNotInProgramme: () => new DomainError('SPEAKER_NOT_IN_PROGRAMME', 404),
  notASpeaker: () => new DomainError('NOT_A_SPEAKER_OF_EVENT', 403),
  filterInvalid: (fieldErrors: FieldError[]) => new DomainError('PROGRAMME_FILTER_INVALID', 400, {}, { fieldErrors }),
  speakerNotFound: () => new DomainError('PROGRAMME_SPEAKER_NOT_FOUND', 404),
  photoUrlRequired: () =>
    new DomainError('SPEAKER_PHOTO_URL_REQUIRED', 400, {}, { fieldErrors: [{ field: 'photoUrl', code: 'isDefined' }] }),
  notAnAttendee: () => new DomainError('NOT_AN_ATTENDEE_OF_EVENT', 403),
  sessionNotReleased: () => new DomainError('SESSION_NOT_IN_PROGRAMME', 404),
  interestFeedNotFound: () => new DomainError('INTEREST_FEED_NOT_FOUND', 404),
};
