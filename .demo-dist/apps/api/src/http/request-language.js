"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestLanguage = requestLanguage;
const i18n_1 = require("../../../../libs/i18n/i18n");
function requestLanguage(request) {
    const header = request.headers['accept-language'];
    return (0, i18n_1.negotiateLanguage)(Array.isArray(header) ? header.join(',') : header);
}
//# sourceMappingURL=request-language.js.map