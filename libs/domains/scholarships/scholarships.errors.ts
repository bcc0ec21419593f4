import { DomainError } from '@lectern/errors/domain.error';

/** An amount in minor units as people read it, the same in every language: `1500.00 USD`, `300 JPY`. */
export function formatMinor(minor: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // an unknown code keeps two decimals, like most currencies
  }
  return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
}

/**
 * Refusals of the scholarship domain. Everyone who may not read an application (organisers without the committee
 * role, other applicants, reviewers of talks, people of other events) gets the same 404 as for one that does not
 * exist, so not even its existence leaks.
 */
export const ScholarshipErrors = {
  programmeNotFound: () => new DomainError('SCHOLARSHIP_PROGRAMME_NOT_FOUND', 404),
  programmeKeyTaken: (key: string) => new DomainError('SCHOLARSHIP_PROGRAMME_KEY_TAKEN', 409, { key }),
  windowInvalid: () => new DomainError('SCHOLARSHIP_WINDOW_INVALID', 400),
  programmeOffersNothing: () => new DomainError('SCHOLARSHIP_PROGRAMME_OFFERS_NOTHING', 400),
  capAboveBudget: (cap: string, budget: string) =>
    new DomainError('SCHOLARSHIP_CAP_ABOVE_BUDGET', 400, { cap, budget }, { fieldErrors: [{ field: 'travelCapMinor', code: 'invalid' }] }),
  ticketTypeUnknown: () =>
    new DomainError('SCHOLARSHIP_TICKET_TYPE_UNKNOWN', 400, {}, { fieldErrors: [{ field: 'ticketTypeId', code: 'invalid' }] }),
  currencyLocked: () => new DomainError('SCHOLARSHIP_CURRENCY_LOCKED', 409),
  budgetBelowCommitted: (committed: string) =>
    new DomainError('SCHOLARSHIP_BUDGET_BELOW_COMMITTED', 409, { committed }),

  notOpenYet: (opensAtLocal: string, timezone: string) =>
    new DomainError('SCHOLARSHIP_APPLICATIONS_NOT_OPEN', 409, { opensAtLocal, timezone }, { extensions: { opensAtLocal, timezone } }),
  closed: (closesAtLocal: string, timezone: string) =>
    new DomainError('SCHOLARSHIP_APPLICATIONS_CLOSED', 409, { closesAtLocal, timezone }, { extensions: { closesAtLocal, timezone } }),
  applicationExists: () => new DomainError('SCHOLARSHIP_APPLICATION_EXISTS', 409),
  applicationNotFound: () => new DomainError('SCHOLARSHIP_APPLICATION_NOT_FOUND', 404),
  consentRequired: () =>
    new DomainError('SCHOLARSHIP_CONSENT_REQUIRED', 400, {}, { fieldErrors: [{ field: 'consent', code: 'invalid' }] }),
  requestAboveCap: (max: number, cap: string) =>
    new DomainError('SCHOLARSHIP_REQUEST_ABOVE_CAP', 400, { cap }, { fieldErrors: [{ field: 'requestedTravelMinor', code: 'max', params: { max } }] }),
  withdrawn: () => new DomainError('SCHOLARSHIP_APPLICATION_WITHDRAWN', 409),
  withdrawAwarded: () => new DomainError('SCHOLARSHIP_APPLICATION_AWARDED', 409),

  notAssigned: () => new DomainError('SCHOLARSHIP_NOT_ASSIGNED', 409),

  awardNotFound: () => new DomainError('SCHOLARSHIP_AWARD_NOT_FOUND', 404),
  awardEmpty: () => new DomainError('SCHOLARSHIP_AWARD_EMPTY', 400),
  grantAboveCap: (max: number, cap: string) =>
    new DomainError('SCHOLARSHIP_GRANT_ABOVE_CAP', 400, { cap }, { fieldErrors: [{ field: 'travelGrantMinor', code: 'max', params: { max } }] }),
  noRegistrationOffered: () =>
    new DomainError('SCHOLARSHIP_NO_REGISTRATION', 400, {}, { fieldErrors: [{ field: 'includesRegistration', code: 'invalid' }] }),
  ownApplication: () => new DomainError('SCHOLARSHIP_OWN_APPLICATION', 409),
  alreadyAwarded: () => new DomainError('SCHOLARSHIP_ALREADY_AWARDED', 409),
  budgetExceeded: (remainingMinor: number, requestedMinor: number, currency: string) =>
    new DomainError(
      'SCHOLARSHIP_BUDGET_EXCEEDED',
      409,
      { remaining: formatMinor(remainingMinor, currency), requested: formatMinor(requestedMinor, currency) },
      { extensions: { remainingMinor, requestedMinor, currency } },
    ),
  awardState: (state: string) => new DomainError('SCHOLARSHIP_AWARD_STATE', 409, { state }),
  recipientRegistered: () => new DomainError('SCHOLARSHIP_RECIPIENT_REGISTERED', 409),
  ticketsSoldOut: () => new DomainError('SCHOLARSHIP_TICKETS_SOLD_OUT', 409),
  registrationClosed: (status: string) => new DomainError('SCHOLARSHIP_REGISTRATION_CLOSED', 409, { status }),
};
