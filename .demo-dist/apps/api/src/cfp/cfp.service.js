"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CfpService = exports.DEFAULT_LANGUAGES = exports.DEFAULT_FORMATS = void 0;
exports.defaultCodePrefix = defaultCodePrefix;
exports.isCfpOpen = isCfpOpen;
exports.assertCfpOpen = assertCfpOpen;
const common_1 = require("@nestjs/common");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const zoned_time_1 = require("../../../../libs/clock/zoned-time");
const client_1 = require("../../../../libs/database/generated/client");
const prisma_errors_1 = require("../../../../libs/database/prisma-errors");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const domain_error_1 = require("../../../../libs/errors/domain.error");
const answers_policy_1 = require("./answers.policy");
const cfp_errors_1 = require("./cfp.errors");
const cfp_repository_1 = require("./cfp.repository");
/** The formats a new CFP starts with (KubeCon's); organisers rename, change or add to them. */
exports.DEFAULT_FORMATS = [
    { slug: 'keynote', name: 'Keynote', nameZh: '主题演讲', description: null, durationMinutes: 15, maxSpeakers: 2, openForSubmissions: false, position: 10 },
    { slug: 'breakout', name: 'Breakout session', nameZh: '分组会议', description: null, durationMinutes: 35, maxSpeakers: 2, openForSubmissions: true, position: 20 },
    { slug: 'maintainer-track', name: 'Maintainer track', nameZh: '维护者专场', description: null, durationMinutes: 35, maxSpeakers: 3, openForSubmissions: true, position: 30 },
    { slug: 'lightning-talk', name: 'Lightning talk', nameZh: '闪电演讲', description: null, durationMinutes: 5, maxSpeakers: 1, openForSubmissions: true, position: 40 },
    { slug: 'panel', name: 'Panel discussion', nameZh: '圆桌讨论', description: null, durationMinutes: 35, maxSpeakers: 5, openForSubmissions: true, position: 50 },
    { slug: 'workshop', name: 'Workshop', nameZh: '动手工作坊', description: null, durationMinutes: 75, maxSpeakers: 4, openForSubmissions: true, position: 60 },
];
exports.DEFAULT_LANGUAGES = ['en', 'zh-CN'];
/** "kubecon-china-2019" → "KCC19": initials of the words and the last two digits of a year. */
function defaultCodePrefix(slug) {
    const prefix = slug
        .split('-')
        .map((part) => (/^\d+$/.test(part) ? part.slice(-2) : part[0]))
        .join('')
        .toUpperCase()
        .slice(0, 10);
    return prefix.length >= 2 ? prefix : slug.replace(/[^a-z0-9]/g, '').toUpperCase().slice(0, 6).padEnd(2, 'X');
}
function isCfpOpen(settings, now) {
    return now.getTime() >= settings.opensAt.getTime() && now.getTime() <= settings.closesAt.getTime();
}
/** Refuses unless the CFP accepts submissions at `now`: the close instant itself is still in, a second later is not. */
function assertCfpOpen(settings, timezone, now) {
    if (now.getTime() < settings.opensAt.getTime())
        throw cfp_errors_1.CfpErrors.notOpenYet((0, zoned_time_1.toZonedIso)(settings.opensAt, timezone), timezone);
    if (now.getTime() > settings.closesAt.getTime())
        throw cfp_errors_1.CfpErrors.closed((0, zoned_time_1.toZonedIso)(settings.closesAt, timezone), timezone);
}
const toProfileView = (profile) => ({ ...profile });
const toQuestionView = (q) => ({
    id: q.id,
    scope: q.scope,
    type: q.type,
    label: q.label,
    labelZh: q.labelZh,
    helpText: q.helpText,
    required: q.required,
    options: q.options,
    maxLength: q.maxLength,
    position: q.position,
});
const withoutId = ({ id: _id, ...rest }) => rest;
const CHOICE_TYPES = [client_1.CfpQuestionType.CHOICE, client_1.CfpQuestionType.MULTI_CHOICE];
let CfpService = class CfpService {
    cfp;
    audit;
    tx;
    clock;
    constructor(cfp, audit, tx, clock) {
        this.cfp = cfp;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }
    async get(access) {
        const found = await this.cfp.findCfp(access.event.id);
        const settings = found?.cfpSettings;
        if (!found || !settings)
            throw cfp_errors_1.CfpErrors.notConfigured(access.event.slug);
        const timezone = access.event.timezone;
        return {
            eventSlug: access.event.slug,
            timezone,
            opensAt: settings.opensAt,
            opensAtLocal: (0, zoned_time_1.toZonedIso)(settings.opensAt, timezone),
            closesAt: settings.closesAt,
            closesAtLocal: (0, zoned_time_1.toZonedIso)(settings.closesAt, timezone),
            isOpen: isCfpOpen(settings, this.clock.now()),
            maxSubmissionsPerSpeaker: settings.maxSubmissionsPerSpeaker,
            languages: settings.languages,
            levels: Object.values(client_1.AudienceLevel),
            codePrefix: settings.codePrefix,
            formats: found.sessionFormats.map(withoutId),
            tracks: found.tracks.map(withoutId),
            questions: found.cfpQuestions.map(toQuestionView),
        };
    }
    /** Creates the CFP (with the default formats) or replaces its settings. */
    async put(actor, access, input) {
        const timezone = access.event.timezone;
        const write = {
            opensAt: this.instant(input.opensAt, 'opensAt', timezone),
            closesAt: this.instant(input.closesAt, 'closesAt', timezone),
            maxSubmissionsPerSpeaker: input.maxSubmissionsPerSpeaker,
            languages: [...new Set(input.languages ?? exports.DEFAULT_LANGUAGES)],
            codePrefix: input.codePrefix ?? defaultCodePrefix(access.event.slug),
        };
        if (write.closesAt.getTime() <= write.opensAt.getTime())
            throw cfp_errors_1.CfpErrors.windowInvalid();
        await this.tx.run(async () => {
            const before = await this.cfp.findSettings(access.event.id);
            const after = before
                ? await this.cfp.updateSettings(access.event.id, write)
                : await this.cfp.createSettings(access.event.id, write);
            if (!before)
                await this.cfp.createFormats(access.event.id, exports.DEFAULT_FORMATS);
            await this.recordSettings(actor, access, before, after);
        });
        return this.get(access);
    }
    async patch(actor, access, input) {
        const timezone = access.event.timezone;
        const write = {};
        if (input.opensAt !== undefined)
            write.opensAt = this.instant(input.opensAt, 'opensAt', timezone);
        if (input.closesAt !== undefined)
            write.closesAt = this.instant(input.closesAt, 'closesAt', timezone);
        if (input.maxSubmissionsPerSpeaker !== undefined)
            write.maxSubmissionsPerSpeaker = input.maxSubmissionsPerSpeaker;
        if (input.languages !== undefined)
            write.languages = [...new Set(input.languages)];
        if (input.codePrefix !== undefined)
            write.codePrefix = input.codePrefix;
        await this.tx.run(async () => {
            const before = await this.cfp.findSettings(access.event.id);
            if (!before)
                throw cfp_errors_1.CfpErrors.notConfigured(access.event.slug);
            const opensAt = write.opensAt ?? before.opensAt;
            const closesAt = write.closesAt ?? before.closesAt;
            if (closesAt.getTime() <= opensAt.getTime())
                throw cfp_errors_1.CfpErrors.windowInvalid();
            const after = await this.cfp.updateSettings(access.event.id, write);
            await this.recordSettings(actor, access, before, after);
        });
        return this.get(access);
    }
    async createFormat(actor, access, input) {
        const { slug, ...data } = input;
        return this.tx.run(async () => {
            let format;
            try {
                format = await this.cfp.createFormat(access.event.id, slug, { ...data, nameZh: data.nameZh ?? null, description: data.description ?? null });
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error))
                    throw cfp_errors_1.CfpErrors.formatSlugTaken(slug);
                throw error;
            }
            await this.record(actor, access, 'cfp.format_created', 'session_format', format.id, null, withoutId(format));
            return withoutId(format);
        });
    }
    async updateFormat(actor, access, slug, input) {
        return this.tx.run(async () => {
            const before = await this.cfp.findFormat(access.event.id, slug);
            if (!before)
                throw cfp_errors_1.CfpErrors.formatNotFound(slug);
            const after = await this.cfp.updateFormat(before.id, input);
            await this.record(actor, access, 'cfp.format_updated', 'session_format', before.id, withoutId(before), withoutId(after));
            return withoutId(after);
        });
    }
    async deleteFormat(actor, access, slug) {
        await this.tx.run(async () => {
            const format = await this.cfp.findFormat(access.event.id, slug);
            if (!format)
                throw cfp_errors_1.CfpErrors.formatNotFound(slug);
            if (!(await this.cfp.deleteFormatIfUnused(format.id)))
                throw cfp_errors_1.CfpErrors.formatInUse(slug);
            await this.record(actor, access, 'cfp.format_deleted', 'session_format', format.id, withoutId(format), null);
        });
    }
    async createTrack(actor, access, input) {
        const { slug, ...data } = input;
        return this.tx.run(async () => {
            let track;
            try {
                track = await this.cfp.createTrack(access.event.id, slug, data);
            }
            catch (error) {
                if ((0, prisma_errors_1.isUniqueViolation)(error))
                    throw cfp_errors_1.CfpErrors.trackSlugTaken(slug);
                throw error;
            }
            await this.record(actor, access, 'cfp.track_created', 'track', track.id, null, withoutId(track));
            return withoutId(track);
        });
    }
    async updateTrack(actor, access, slug, input) {
        return this.tx.run(async () => {
            const before = await this.cfp.findTrack(access.event.id, slug);
            if (!before)
                throw cfp_errors_1.CfpErrors.trackNotFound(slug);
            const after = await this.cfp.updateTrack(before.id, input);
            await this.record(actor, access, 'cfp.track_updated', 'track', before.id, withoutId(before), withoutId(after));
            return withoutId(after);
        });
    }
    async deleteTrack(actor, access, slug) {
        await this.tx.run(async () => {
            const track = await this.cfp.findTrack(access.event.id, slug);
            if (!track)
                throw cfp_errors_1.CfpErrors.trackNotFound(slug);
            if (!(await this.cfp.deleteTrackIfUnused(track.id)))
                throw cfp_errors_1.CfpErrors.trackInUse(slug);
            await this.record(actor, access, 'cfp.track_deleted', 'track', track.id, withoutId(track), null);
        });
    }
    async createQuestion(actor, access, input) {
        this.checkQuestionShape(input.type, input.options, input.maxLength, true);
        return this.tx.run(async () => {
            const question = await this.cfp.createQuestion(access.event.id, {
                scope: input.scope,
                type: input.type,
                label: input.label,
                labelZh: input.labelZh ?? null,
                helpText: input.helpText ?? null,
                required: input.required ?? false,
                options: input.options ? [...new Set(input.options)] : [],
                maxLength: input.maxLength ?? null,
                position: input.position ?? 0,
            });
            await this.record(actor, access, 'cfp.question_created', 'cfp_question', question.id, null, toQuestionView(question));
            return toQuestionView(question);
        });
    }
    async updateQuestion(actor, access, id, input) {
        return this.tx.run(async () => {
            const before = await this.cfp.findQuestion(access.event.id, id);
            if (!before)
                throw cfp_errors_1.CfpErrors.questionNotFound();
            this.checkQuestionShape(before.type, input.options, input.maxLength, false);
            const after = await this.cfp.updateQuestion(id, {
                ...input,
                ...(input.options ? { options: [...new Set(input.options)] } : {}),
            });
            await this.record(actor, access, 'cfp.question_updated', 'cfp_question', id, toQuestionView(before), toQuestionView(after));
            return toQuestionView(after);
        });
    }
    /** Archives: answers already given stay readable, the question is no longer asked or required. */
    async archiveQuestion(actor, access, id) {
        await this.tx.run(async () => {
            const question = await this.cfp.findQuestion(access.event.id, id);
            if (!question)
                throw cfp_errors_1.CfpErrors.questionNotFound();
            await this.cfp.archiveQuestion(id, this.clock.now());
            await this.record(actor, access, 'cfp.question_archived', 'cfp_question', id, toQuestionView(question), null);
        });
    }
    async getProfile(actor) {
        const profile = await this.cfp.findProfile(actor.id);
        if (!profile)
            throw cfp_errors_1.CfpErrors.speakerProfileNotFound();
        return toProfileView(profile);
    }
    async putProfile(actor, input) {
        return this.tx.run(async () => {
            const before = await this.cfp.findProfile(actor.id);
            const after = await this.cfp.upsertProfile(actor.id, { ...input, pronouns: input.pronouns ?? null });
            await this.audit.record({
                actorId: actor.id,
                requestId: actor.requestId,
                action: before ? 'speaker_profile.updated' : 'speaker_profile.created',
                entityType: 'speaker_profile',
                entityId: actor.id,
                before,
                after,
            });
            return toProfileView(after);
        });
    }
    async getSpeakerAnswers(actor, access) {
        const rows = await this.cfp.speakerAnswers(access.event.id, actor.id);
        return { answers: Object.fromEntries(rows.map((row) => [row.questionId, row.value])) };
    }
    async putSpeakerAnswers(actor, access, input) {
        const questions = await this.cfp.activeQuestions(access.event.id, client_1.CfpQuestionScope.SPEAKER);
        const { changes, errors } = (0, answers_policy_1.checkAnswers)(input.answers, questions);
        if (errors.length > 0)
            throw domain_error_1.CommonErrors.validation(errors);
        await this.tx.run(async () => {
            await this.cfp.saveAnswers({ userId: actor.id }, changes);
            await this.record(actor, access, 'cfp.speaker_answers_saved', 'speaker_answers', actor.id, null, Object.fromEntries(changes));
        });
        return this.getSpeakerAnswers(actor, access);
    }
    instant(text, field, timezone) {
        const instant = (0, zoned_time_1.parseZonedDateTime)(text, timezone);
        if (!instant)
            throw domain_error_1.CommonErrors.validation([{ field, code: 'isIso8601' }]);
        return instant;
    }
    /** Options belong to choice questions only (and those need them); a length limit to text questions only. */
    checkQuestionShape(type, options, maxLength, creating) {
        const errors = [];
        const choice = CHOICE_TYPES.includes(type);
        if (choice && creating && !options)
            errors.push({ field: 'options', code: 'isDefined' });
        if (!choice && options !== undefined)
            errors.push({ field: 'options', code: 'invalid' });
        if (type !== client_1.CfpQuestionType.TEXT && maxLength !== undefined)
            errors.push({ field: 'maxLength', code: 'invalid' });
        if (errors.length > 0)
            throw domain_error_1.CommonErrors.validation(errors);
    }
    async recordSettings(actor, access, before, after) {
        await this.record(actor, access, before ? 'cfp.settings_updated' : 'cfp.settings_created', 'cfp_settings', access.event.id, before, after);
    }
    async record(actor, access, action, entityType, entityId, before, after) {
        await this.audit.record({ eventId: access.event.id, actorId: actor.id, requestId: actor.requestId, action, entityType, entityId, before, after });
    }
};
exports.CfpService = CfpService;
exports.CfpService = CfpService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [cfp_repository_1.CfpRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock])
], CfpService);
//# sourceMappingURL=cfp.service.js.map