"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventErrors = void 0;
const domain_error_1 = require("../../../../libs/errors/domain.error");
exports.EventErrors = {
    notFound: (slug) => new domain_error_1.DomainError('EVENT_NOT_FOUND', 404, { slug }),
    slugTaken: (slug) => new domain_error_1.DomainError('EVENT_SLUG_TAKEN', 409, { slug }),
    seriesNotFound: (slug) => new domain_error_1.DomainError('SERIES_NOT_FOUND', 404, { slug }),
    seriesSlugTaken: (slug) => new domain_error_1.DomainError('SERIES_SLUG_TAKEN', 409, { slug }),
    datesInvalid: () => new domain_error_1.DomainError('EVENT_DATES_INVALID', 400),
    timezoneInvalid: (timezone) => new domain_error_1.DomainError('EVENT_TIMEZONE_INVALID', 400, { timezone }),
    statusTransition: (from, to) => new domain_error_1.DomainError('EVENT_STATUS_TRANSITION', 409, { from, to }),
    parentInvalid: () => new domain_error_1.DomainError('PARENT_EVENT_INVALID', 400),
    userNotFound: (email) => new domain_error_1.DomainError('USER_NOT_FOUND', 404, { email }),
    grantNotFound: () => new domain_error_1.DomainError('ROLE_GRANT_NOT_FOUND', 404),
    lastOrganiser: () => new domain_error_1.DomainError('LAST_ORGANISER', 409),
};
//# sourceMappingURL=events.errors.js.map