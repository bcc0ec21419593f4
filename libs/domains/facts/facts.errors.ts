import { DomainError } from '@lectern/errors/domain.error';

export const FactErrors = {
  sponsorNotFound: () => new DomainError('SPONSOR_NOT_FOUND', 404),
  sponsorExists: (name: string) => new DomainError('SPONSOR_EXISTS', 409, { name }),
  partnerNotFound: () => new DomainError('COMMUNITY_PARTNER_NOT_FOUND', 404),
  partnerExists: (name: string) => new DomainError('COMMUNITY_PARTNER_EXISTS', 409, { name }),
  accreditationNotFound: () => new DomainError('MEDIA_ACCREDITATION_NOT_FOUND', 404),
  factNotFound: () => new DomainError('EVENT_FACT_NOT_FOUND', 404),
  figureNeedsValue: () =>
    new DomainError('EVENT_FACT_VALUE_REQUIRED', 400, {}, { fieldErrors: [{ field: 'value', code: 'isDefined' }] }),
};
