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
/** A name the organisers gave in both languages, in the recipient's. */
function nameIn(language, value) {
    return language === 'zh-CN' && value.nameZh ? value.nameZh : value.name;
}
/**
 * The decision a submission's state stands for once released (an accepted talk stays accepted when its speakers
 * confirm or decline). A released message whose decision the submission no longer holds (a waitlisted talk
 * promoted, an accepted one withdrawn before the message went out) is superseded and not sent.
 */
function standingDecision(submission) {
    switch (submission.state) {
        case 'ACCEPTED':
        case 'CONFIRMED':
        case 'DECLINED':
            return 'ACCEPTED';
        case 'REJECTED':
            return 'REJECTED';
        case 'WAITLISTED':
            return 'WAITLISTED';
        default:
            return null;
    }
}
const CANCEL_REASONS = new Set(['ATTENDEE', 'ORGANISER', 'OFFER_EXPIRED']);
const COUNTING_AWARD_STATES = new Set(['OFFERED', 'ACCEPTED']);
const ROLES = new Set(['ORGANISER', 'REVIEWER', 'SCHOLARSHIP_COMMITTEE', 'CHECKIN_STAFF']);
const ANNOUNCED_STATUSES = new Set(['PUBLISHED', 'POSTPONED', 'CANCELLED']);
/**
 * Which domain events cause messages. An event type without an entry is relayed without a dispatch job. To add
 * one: add a lookup to the repository and an entry here that builds the template's MessageData; the templates
 * live in libs/mail. Resolvers read the domain's rows as they are at dispatch, so a message whose occasion is
 * gone by then (an invitation revoked, a registration cancelled, an award revoked) is not sent.
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
    'submission.submitted': async (payload, { lookups, event, occurredAt, link }) => {
        const submission = await lookups.submissionOf(payload.eventId, payload.submissionId);
        if (!submission)
            return [];
        const speakers = await lookups.submissionSpeakers(submission.id, occurredAt);
        const data = { submissionTitle: submission.title, submissionUrl: link('events', event.slug, 'submissions', submission.id) };
        return speakers.map((user) => message(userRecipient(user), 'submission.received', data));
    },
    // The invitee may have no account yet: the message goes to the invited address, in the language of the account
    // registered with it, else the talk's language, else the inviter's. An invitation revoked or answered by then
    // is not sent.
    'cospeaker.invited': async (payload, { lookups, event, link }) => {
        const invitation = await lookups.cospeakerInvitation(payload.eventId, payload.submissionId, payload.invitationId);
        if (!invitation || invitation.status !== 'PENDING' || !invitation.inviter)
            return [];
        const talkLanguage = i18n_1.LANGUAGES.includes(invitation.talkLanguage ?? '') ? invitation.talkLanguage : null;
        const recipient = {
            key: `email:${invitation.email}`,
            userId: null,
            email: invitation.email,
            name: invitation.invitee?.name ?? null,
            language: languageOf(invitation.invitee?.locale ?? talkLanguage ?? invitation.inviter.locale),
        };
        return [
            message(recipient, 'cospeaker.invitation', {
                submissionTitle: invitation.submissionTitle,
                inviterName: invitation.inviter.name,
                respondUrl: link('events', event.slug, 'cospeaker-invitations', payload.invitationId),
                expiresAt: null,
            }),
        ];
    },
    // An invited session is accepted from the start and, like an accepted proposal, waits for its owner to confirm,
    // so its speakers get the acceptance message (the closest template: it says "proposal", which an invited talk
    // was not), with the confirmation link and no reviewer comments, since nobody reviewed it.
    'session.invited': async (payload, { lookups, event, occurredAt, link }) => {
        const submission = await lookups.submissionOf(payload.eventId, payload.submissionId);
        if (!submission || standingDecision(submission) !== 'ACCEPTED')
            return [];
        const speakers = await lookups.submissionSpeakers(submission.id, occurredAt);
        const data = {
            submissionTitle: submission.title,
            speakerComments: [],
            confirmBy: null,
            confirmUrl: link('events', event.slug, 'submissions', submission.id, 'confirm'),
        };
        return speakers.map((user) => message(userRecipient(user), 'decision.accepted', data));
    },
    'submission.decision_released': async (payload, { lookups, event, occurredAt, link }) => {
        const submission = await lookups.submissionOf(payload.eventId, payload.submissionId);
        if (!submission || standingDecision(submission) !== payload.decision)
            return [];
        const speakers = await lookups.submissionSpeakers(submission.id, occurredAt);
        if (speakers.length === 0)
            return [];
        const speakerComments = submission.origin === 'CFP' ? await lookups.speakerComments(submission.id) : [];
        const submissionTitle = submission.title;
        if (payload.decision === 'ACCEPTED') {
            const confirmUrl = link('events', event.slug, 'submissions', submission.id, 'confirm');
            const data = { submissionTitle, speakerComments, confirmBy: null, confirmUrl };
            return speakers.map((user) => message(userRecipient(user), 'decision.accepted', data));
        }
        const template = payload.decision === 'REJECTED' ? 'decision.rejected' : 'decision.waitlisted';
        return speakers.map((user) => message(userRecipient(user), template, { submissionTitle, speakerComments }));
    },
    // Only the owner confirms or declines, so only the owner is reminded, and only while the talk still waits.
    'submission.confirmation_reminder': async (payload, { lookups, event, occurredAt, link }) => {
        const submission = await lookups.submissionOf(payload.eventId, payload.submissionId);
        if (!submission || submission.state !== 'ACCEPTED')
            return [];
        const owners = await lookups.submissionSpeakers(submission.id, occurredAt, true);
        const data = {
            submissionTitle: submission.title,
            confirmBy: null,
            confirmUrl: link('events', event.slug, 'submissions', submission.id, 'confirm'),
        };
        return owners.map((user) => message(userRecipient(user), 'confirmation.reminder', data));
    },
    // The account holder, who manages the registration, hears about it. A badge is never sent for a registration
    // that was cancelled before the message went out.
    'registration.confirmed': async (payload, { lookups, link }) => {
        const registration = await lookups.registrationOf(payload.eventId, payload.registrationId);
        if (!registration || registration.state !== 'CONFIRMED')
            return [];
        const recipient = userRecipient(registration.user);
        return [
            message(recipient, 'registration.confirmed', {
                ticketName: nameIn(recipient.language, registration.ticket),
                badgeToken: registration.badgeToken,
                badgeUrl: link('badges', registration.badgeToken),
            }),
        ];
    },
    'registration.cancelled': async (payload, { lookups }) => {
        const registration = await lookups.registrationOf(payload.eventId, payload.registrationId);
        const reason = registration?.cancelReason;
        if (!registration || registration.state !== 'CANCELLED' || !reason || !CANCEL_REASONS.has(reason))
            return [];
        const recipient = userRecipient(registration.user);
        return [
            message(recipient, 'registration.cancelled', {
                ticketName: nameIn(recipient.language, registration.ticket),
                reason: reason,
            }),
        ];
    },
    // Only an offer that still stands: one already taken up, or run out before the message went out, is not
    // announced (its lapse has a message of its own).
    'waitlist.offered': async (payload, { lookups, event, link }) => {
        const registration = await lookups.registrationOf(payload.eventId, payload.registrationId);
        if (!registration || registration.state !== 'WAITLISTED' || !registration.offerLive)
            return [];
        if (registration.offerExpiresAt?.toISOString() !== new Date(payload.expiresAt).toISOString())
            return [];
        const recipient = userRecipient(registration.user);
        return [
            message(recipient, 'waitlist.offer', {
                ticketName: nameIn(recipient.language, registration.ticket),
                expiresAt: registration.offerExpiresAt.toISOString(),
                claimUrl: link('events', event.slug, 'registrations', payload.registrationId, 'accept-offer'),
            }),
        ];
    },
    // An award revoked or declined before the message went out is not announced.
    'scholarship.awarded': async (payload, { lookups, event, link }) => {
        const award = await lookups.scholarshipAwardOf(payload.eventId, payload.applicationId, payload.awardId);
        if (!award || !COUNTING_AWARD_STATES.has(award.state))
            return [];
        const recipient = userRecipient(award.user);
        return [
            message(recipient, 'scholarship.awarded', {
                programmeName: nameIn(recipient.language, award.programme),
                freeRegistration: award.includesRegistration,
                travelGrant: award.travelGrantMinor > 0 ? { amountCents: award.travelGrantMinor, currency: award.currency } : null,
                detailsUrl: link('events', event.slug, 'scholarships', 'awards', payload.awardId),
            }),
        ];
    },
};
function resolverFor(type) {
    return exports.RESOLVERS[type];
}
//# sourceMappingURL=resolvers.js.map