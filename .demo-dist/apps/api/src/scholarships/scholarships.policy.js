"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isWindowOpen = exports.isStaff = exports.isCommittee = void 0;
exports.assertWindowOpen = assertWindowOpen;
const zoned_time_1 = require("../../../../libs/clock/zoned-time");
const client_1 = require("../../../../libs/database/generated/client");
const scholarships_errors_1 = require("./scholarships.errors");
/**
 * Who may read what. Application content and self-described answers are for the applicant and the scholarship
 * committee (administrators count as committee, as they pass every role check); organisers get counts and amounts.
 */
const isCommittee = (user, access) => user.isAdmin || access.roles.includes(client_1.EventRole.SCHOLARSHIP_COMMITTEE);
exports.isCommittee = isCommittee;
const isStaff = (user, access) => !!user && (user.isAdmin || access.roles.includes(client_1.EventRole.ORGANISER) || access.roles.includes(client_1.EventRole.SCHOLARSHIP_COMMITTEE));
exports.isStaff = isStaff;
/** Open from opensAt to closesAt, both included: "closes at 23:59:59" still accepts that second. */
const isWindowOpen = (window, now) => now.getTime() >= window.opensAt.getTime() && now.getTime() <= window.closesAt.getTime();
exports.isWindowOpen = isWindowOpen;
function assertWindowOpen(window, timezone, now) {
    if (now.getTime() < window.opensAt.getTime())
        throw scholarships_errors_1.ScholarshipErrors.notOpenYet((0, zoned_time_1.toZonedIso)(window.opensAt, timezone), timezone);
    if (now.getTime() > window.closesAt.getTime())
        throw scholarships_errors_1.ScholarshipErrors.closed((0, zoned_time_1.toZonedIso)(window.closesAt, timezone), timezone);
}
//# sourceMappingURL=scholarships.policy.js.map