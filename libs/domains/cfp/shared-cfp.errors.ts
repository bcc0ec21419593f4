import { DomainError } from '@lectern/errors/domain.error';

/** Refusals of the shared CFP: groups of editions, proposals offered to them, decisions and answers per edition. */
export const SharedCfpErrors = {
  groupNotFound: () => new DomainError('CFP_GROUP_NOT_FOUND', 404),
  editionInvalid: (edition: string, index: number) =>
    new DomainError('CFP_GROUP_EDITION_INVALID', 400, { edition }, { fieldErrors: [{ field: `editions.${index}`, code: 'invalid' }] }),
  editionTaken: (edition: string) => new DomainError('CFP_GROUP_EDITION_TAKEN', 409, { edition }),
  editionInUse: (edition: string) => new DomainError('CFP_GROUP_EDITION_IN_USE', 409, { edition }),
  notHost: () => new DomainError('CFP_GROUP_NOT_HOST', 409),
  notInGroup: (edition: string, index: number) =>
    new DomainError('OFFER_EDITION_NOT_IN_GROUP', 400, { edition }, { fieldErrors: [{ field: `editions.${index}`, code: 'invalid' }] }),
  offersLocked: () => new DomainError('OFFER_EDITIONS_LOCKED', 409),
  offerNotFound: () => new DomainError('OFFER_NOT_FOUND', 404),
  notDecidable: (state: string) => new DomainError('OFFER_NOT_DECIDABLE', 409, { state }),
  released: () => new DomainError('OFFER_DECISION_RELEASED', 409),
  notAwaitingAnswer: () => new DomainError('OFFER_NOT_AWAITING_ANSWER', 409),
  decidePerEdition: () => new DomainError('DECISION_PER_EDITION', 409),
};
