"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportErrors = void 0;
const domain_error_1 = require("../../../../libs/errors/domain.error");
exports.ReportErrors = {
    notFound: (id) => new domain_error_1.DomainError('REPORT_NOT_FOUND', 404, { id }),
    notReady: (status) => new domain_error_1.DomainError('REPORT_NOT_READY', 409, { status }),
};
//# sourceMappingURL=reports.errors.js.map