"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MESSAGE_TEMPLATES = void 0;
exports.MESSAGE_TEMPLATES = [
    'role.granted',
    'event.status_changed',
    'submission.received',
    'cospeaker.invitation',
    'decision.accepted',
    'decision.rejected',
    'decision.waitlisted',
    'confirmation.reminder',
    'registration.confirmed',
    'waitlist.offer',
    'registration.cancelled',
    'scholarship.awarded',
];
//# sourceMappingURL=message-context.js.map