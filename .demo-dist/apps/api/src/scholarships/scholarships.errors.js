"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ScholarshipErrors = void 0;
exports.formatMinor = formatMinor;
const domain_error_1 = require("../../../../libs/errors/domain.error");
/** An amount in minor units as people read it, the same in every language: `1500.00 USD`, `300 JPY`. */
function formatMinor(minor, currency) {
    let digits = 2;
    try {
        digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    }
    catch {
        // an unknown code keeps two decimals, like most currencies
    }
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
}
/**
 * Refusals of the scholarship domain. Everyone who may not read an application (organisers without the committee
 * role, other applicants, reviewers of talks, people of other events) gets the same 404 as for one that does not
 * exist, so not even its existence leaks.
 */
exports.ScholarshipErrors = {
    programmeNotFound: () => new domain_error_1.DomainError('SCHOLARSHIP_PROGRAMME_NOT_FOUND', 404),
    programmeKeyTaken: (key) => new domain_error_1.DomainError('SCHOLARSHIP_PROGRAMME_KEY_TAKEN', 409, { key }),
    windowInvalid: () => new domain_error_1.DomainError('SCHOLARSHIP_WINDOW_INVALID', 400),
    programmeOffersNothing: () => new domain_error_1.DomainError('SCHOLARSHIP_PROGRAMME_OFFERS_NOTHING', 400),
    capAboveBudget: (cap, budget) => new domain_error_1.DomainError('SCHOLARSHIP_CAP_ABOVE_BUDGET', 400, { cap, budget }, { fieldErrors: [{ field: 'travelCapMinor', code: 'invalid' }] }),
    ticketTypeUnknown: () => new domain_error_1.DomainError('SCHOLARSHIP_TICKET_TYPE_UNKNOWN', 400, {}, { fieldErrors: [{ field: 'ticketTypeId', code: 'invalid' }] }),
    currencyLocked: () => new domain_error_1.DomainError('SCHOLARSHIP_CURRENCY_LOCKED', 409),
    budgetBelowCommitted: (committed) => new domain_error_1.DomainError('SCHOLARSHIP_BUDGET_BELOW_COMMITTED', 409, { committed }),
    notOpenYet: (opensAtLocal, timezone) => new domain_error_1.DomainError('SCHOLARSHIP_APPLICATIONS_NOT_OPEN', 409, { opensAtLocal, timezone }, { extensions: { opensAtLocal, timezone } }),
    closed: (closesAtLocal, timezone) => new domain_error_1.DomainError('SCHOLARSHIP_APPLICATIONS_CLOSED', 409, { closesAtLocal, timezone }, { extensions: { closesAtLocal, timezone } }),
    applicationExists: () => new domain_error_1.DomainError('SCHOLARSHIP_APPLICATION_EXISTS', 409),
    applicationNotFound: () => new domain_error_1.DomainError('SCHOLARSHIP_APPLICATION_NOT_FOUND', 404),
    consentRequired: () => new domain_error_1.DomainError('SCHOLARSHIP_CONSENT_REQUIRED', 400, {}, { fieldErrors: [{ field: 'consent', code: 'invalid' }] }),
    requestAboveCap: (max, cap) => new domain_error_1.DomainError('SCHOLARSHIP_REQUEST_ABOVE_CAP', 400, { cap }, { fieldErrors: [{ field: 'requestedTravelMinor', code: 'max', params: { max } }] }),
    withdrawn: () => new domain_error_1.DomainError('SCHOLARSHIP_APPLICATION_WITHDRAWN', 409),
    withdrawAwarded: () => new domain_error_1.DomainError('SCHOLARSHIP_APPLICATION_AWARDED', 409),
    notAssigned: () => new domain_error_1.DomainError('SCHOLARSHIP_NOT_ASSIGNED', 409),
    awardNotFound: () => new domain_error_1.DomainError('SCHOLARSHIP_AWARD_NOT_FOUND', 404),
    awardEmpty: () => new domain_error_1.DomainError('SCHOLARSHIP_AWARD_EMPTY', 400),
    grantAboveCap: (max, cap) => new domain_error_1.DomainError('SCHOLARSHIP_GRANT_ABOVE_CAP', 400, { cap }, { fieldErrors: [{ field: 'travelGrantMinor', code: 'max', params: { max } }] }),
    noRegistrationOffered: () => new domain_error_1.DomainError('SCHOLARSHIP_NO_REGISTRATION', 400, {}, { fieldErrors: [{ field: 'includesRegistration', code: 'invalid' }] }),
    ownApplication: () => new domain_error_1.DomainError('SCHOLARSHIP_OWN_APPLICATION', 409),
    alreadyAwarded: () => new domain_error_1.DomainError('SCHOLARSHIP_ALREADY_AWARDED', 409),
    budgetExceeded: (remainingMinor, requestedMinor, currency) => new domain_error_1.DomainError('SCHOLARSHIP_BUDGET_EXCEEDED', 409, { remaining: formatMinor(remainingMinor, currency), requested: formatMinor(requestedMinor, currency) }, { extensions: { remainingMinor, requestedMinor, currency } }),
    awardState: (state) => new domain_error_1.DomainError('SCHOLARSHIP_AWARD_STATE', 409, { state }),
    recipientRegistered: () => new domain_error_1.DomainError('SCHOLARSHIP_RECIPIENT_REGISTERED', 409),
    ticketsSoldOut: () => new domain_error_1.DomainError('SCHOLARSHIP_TICKETS_SOLD_OUT', 409),
    registrationClosed: (status) => new domain_error_1.DomainError('SCHOLARSHIP_REGISTRATION_CLOSED', 409, { status }),
};
//# sourceMappingURL=scholarships.errors.js.map