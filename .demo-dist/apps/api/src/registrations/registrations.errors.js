"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RegistrationErrors = void 0;
const domain_error_1 = require("../../../../libs/errors/domain.error");
exports.RegistrationErrors = {
    ticketTypeNotFound: () => new domain_error_1.DomainError('TICKET_TYPE_NOT_FOUND', 404),
    quotaNotFound: () => new domain_error_1.DomainError('QUOTA_NOT_FOUND', 404),
    quotaTicketTypesInvalid: () => new domain_error_1.DomainError('QUOTA_TICKET_TYPES_INVALID', 400),
    quotaBelowUsage: (used) => new domain_error_1.DomainError('QUOTA_BELOW_USAGE', 409, { used }),
    salesWindowInvalid: () => new domain_error_1.DomainError('SALES_WINDOW_INVALID', 400),
    voucherNotFound: () => new domain_error_1.DomainError('VOUCHER_NOT_FOUND', 404),
    voucherCodeTaken: (code) => new domain_error_1.DomainError('VOUCHER_CODE_TAKEN', 409, { code }),
    voucherDiscountInvalid: () => new domain_error_1.DomainError('VOUCHER_DISCOUNT_INVALID', 400),
    voucherValidityInvalid: () => new domain_error_1.DomainError('VOUCHER_VALIDITY_INVALID', 400),
    voucherMaxUsesBelowUses: (uses) => new domain_error_1.DomainError('VOUCHER_MAX_USES_BELOW_USES', 409, { uses }),
    voucherWrongTicketType: () => new domain_error_1.DomainError('VOUCHER_WRONG_TICKET_TYPE', 409),
    voucherNotValidNow: () => new domain_error_1.DomainError('VOUCHER_NOT_VALID_NOW', 409),
    voucherExhausted: () => new domain_error_1.DomainError('VOUCHER_EXHAUSTED', 409),
    registrationClosed: (status) => new domain_error_1.DomainError('REGISTRATION_CLOSED', 409, { status }),
    notOnSale: () => new domain_error_1.DomainError('TICKET_TYPE_NOT_ON_SALE', 409),
    soldOut: () => new domain_error_1.DomainError('SOLD_OUT', 409),
    alreadyRegistered: () => new domain_error_1.DomainError('ALREADY_REGISTERED', 409),
    consentRequired: (fields) => new domain_error_1.DomainError('SELF_DESCRIBED_NEEDS_CONSENT', 400, { fields: fields.join(', ') }),
    registrationNotFound: () => new domain_error_1.DomainError('REGISTRATION_NOT_FOUND', 404),
    alreadyCancelled: () => new domain_error_1.DomainError('REGISTRATION_ALREADY_CANCELLED', 409),
    noOffer: () => new domain_error_1.DomainError('NO_WAITLIST_OFFER', 409),
    notPending: (state) => new domain_error_1.DomainError('REGISTRATION_NOT_PENDING', 409, { state }),
    idempotencyKeyInvalid: () => new domain_error_1.DomainError('IDEMPOTENCY_KEY_INVALID', 400),
    idempotencyKeyReused: () => new domain_error_1.DomainError('IDEMPOTENCY_KEY_REUSED', 422),
    idempotencyKeyInFlight: () => new domain_error_1.DomainError('IDEMPOTENCY_KEY_IN_FLIGHT', 409, {}, { headers: { 'retry-after': '1' } }),
    busy: () => new domain_error_1.DomainError('REGISTRATION_BUSY', 503, {}, { headers: { 'retry-after': '2' } }),
    badgeNotFound: () => new domain_error_1.DomainError('BADGE_NOT_FOUND', 404),
    checkInCancelled: () => new domain_error_1.DomainError('CHECKIN_REGISTRATION_CANCELLED', 409),
    checkInNotConfirmed: (state) => new domain_error_1.DomainError('CHECKIN_NOT_CONFIRMED', 409, { state }),
};
//# sourceMappingURL=registrations.errors.js.map