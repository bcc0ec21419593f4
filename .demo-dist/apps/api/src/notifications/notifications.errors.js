"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NotificationErrors = void 0;
const domain_error_1 = require("../../../../libs/errors/domain.error");
exports.NotificationErrors = {
    notFound: () => new domain_error_1.DomainError('NOTIFICATION_NOT_FOUND', 404),
    resendConflict: () => new domain_error_1.DomainError('NOTIFICATION_RESEND_CONFLICT', 409),
};
//# sourceMappingURL=notifications.errors.js.map