"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESOLVERS = void 0;
exports.languageOf = languageOf;
exports.userRecipient = userRecipient;
exports.message = message;
exports.resolverFor = resolverFor;
const i18n_1 = require("../../../../libs/i18n/i18n");
function languageOf(locale) {
    return i18n_1.LANGUAGES.includes(locale ?? '') ? locale : i18n_1.DEFAULT_LANGUAGE;
}
function userRecipient(user) {
    return { key: `user:${user.id}`, userId: user.id, email: user.email, name: user.name, language: languageOf(user.locale) };
}
function message(recipient, template, data) {
    return { recipient, template, data };
}
const ROLES = new Set(['ORGANISER', 'REVIEWER', 'SCHOLARSHIP_COMMITTEE', 'CHECKIN_STAFF']);
const ANNOUNCED_STATUSES = new Set(['PUBLISHED', 'POSTPONED', 'CANCELLED']);
/**
 * Which domain events cause messages. An event type without an entry is relayed without a dispatch job. To add
 * one (submission.submitted, registration.confirmed, ...): add a lookup to the repository and an entry here that
 * builds the template's MessageData; the templates already exist in libs/mail.
 */
exports.RESOLVERS = {
    'role.granted': async (payload, { lookups, event, link }) => {
        const role = payload.role;
        if (!ROLES.has(role))
            return [];
        const user = await lookups.findUser(payload.userId);
        if (!user)
            return [];
        return [message(userRecipient(user), 'role.granted', { role, eventUrl: link('events', event.slug) })];
    },
    // Everyone who helps run the edition hears when it is published, postponed or cancelled. (Speakers and
    // attendees join this list when their tables land.)
    'event.status_changed': async (payload, { lookups, event, occurredAt, link }) => {
        const status = payload.to;
        if (!ANNOUNCED_STATUSES.has(status))
            return [];
        const people = await lookups.eventRoleHolders(payload.eventId, occurredAt);
        return people.map((user) => message(userRecipient(user), 'event.status_changed', { status, eventUrl: link('events', event.slug) }));
    },
};
function resolverFor(type) {
    return exports.RESOLVERS[type];
}
//# sourceMappingURL=resolvers.js.map