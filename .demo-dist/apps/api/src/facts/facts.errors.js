"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FactErrors = void 0;
const domain_error_1 = require("../../../../libs/errors/domain.error");
exports.FactErrors = {
    sponsorNotFound: () => new domain_error_1.DomainError('SPONSOR_NOT_FOUND', 404),
    sponsorExists: (name) => new domain_error_1.DomainError('SPONSOR_EXISTS', 409, { name }),
    partnerNotFound: () => new domain_error_1.DomainError('COMMUNITY_PARTNER_NOT_FOUND', 404),
    partnerExists: (name) => new domain_error_1.DomainError('COMMUNITY_PARTNER_EXISTS', 409, { name }),
    accreditationNotFound: () => new domain_error_1.DomainError('MEDIA_ACCREDITATION_NOT_FOUND', 404),
    factNotFound: () => new domain_error_1.DomainError('EVENT_FACT_NOT_FOUND', 404),
    figureNeedsValue: () => new domain_error_1.DomainError('EVENT_FACT_VALUE_REQUIRED', 400, {}, { fieldErrors: [{ field: 'value', code: 'isDefined' }] }),
};
//# sourceMappingURL=facts.errors.js.map