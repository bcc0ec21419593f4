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
exports.CfpRepository = void 0;
const common_1 = require("@nestjs/common");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const SETTINGS_FIELDS = {
    eventId: true,
    opensAt: true,
    closesAt: true,
    maxSubmissionsPerSpeaker: true,
    languages: true,
    codePrefix: true,
};
const FORMAT_FIELDS = {
    id: true,
    slug: true,
    name: true,
    nameZh: true,
    description: true,
    durationMinutes: true,
    maxSpeakers: true,
    openForSubmissions: true,
    position: true,
};
const TRACK_FIELDS = {
    id: true,
    slug: true,
    name: true,
    nameZh: true,
    description: true,
    position: true,
};
const QUESTION_FIELDS = {
    id: true,
    scope: true,
    type: true,
    label: true,
    labelZh: true,
    helpText: true,
    required: true,
    options: true,
    maxLength: true,
    position: true,
};
const PROFILE_FIELDS = {
    userId: true,
    name: true,
    bio: true,
    company: true,
    jobTitle: true,
    country: true,
    pronouns: true,
    firstTimeSpeaker: true,
    updatedAt: true,
};
const notArchived = { archivedAt: null };
let CfpRepository = class CfpRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    findSettings(eventId) {
        return this.tx.db.cfpSettings.findUnique({ where: { eventId }, select: SETTINGS_FIELDS });
    }
    /** Settings, formats, tracks and the questions still asked, in one statement: what the public CFP page shows. */
    findCfp(eventId) {
        return this.tx.db.event.findUnique({
            where: { id: eventId },
            select: {
                cfpSettings: { select: SETTINGS_FIELDS },
                sessionFormats: { select: FORMAT_FIELDS, orderBy: [{ position: 'asc' }, { slug: 'asc' }] },
                tracks: { select: TRACK_FIELDS, orderBy: [{ position: 'asc' }, { slug: 'asc' }] },
                cfpQuestions: { where: notArchived, select: QUESTION_FIELDS, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] },
            },
        });
    }
    createSettings(eventId, data) {
        return this.tx.db.cfpSettings.create({ data: { eventId, ...data }, select: SETTINGS_FIELDS });
    }
    updateSettings(eventId, data) {
        return this.tx.db.cfpSettings.update({ where: { eventId }, data, select: SETTINGS_FIELDS });
    }
    /**
     * Takes the next submission number of the event. The row lock this update holds until commit orders concurrent
     * creations, so every number is handed out once.
     */
    async nextCodeNumber(eventId) {
        const rows = await this.tx.db.$queryRaw `
      UPDATE cfp_settings SET last_code_number = last_code_number + 1, updated_at = now()
       WHERE event_id = ${eventId}::uuid
      RETURNING last_code_number, code_prefix`;
        return rows[0] ? { number: rows[0].last_code_number, prefix: rows[0].code_prefix } : null;
    }
    async createFormats(eventId, formats) {
        await this.tx.db.sessionFormat.createMany({ data: formats.map((f) => ({ eventId, ...f })) });
    }
    createFormat(eventId, slug, data) {
        return this.tx.db.sessionFormat.create({ data: { eventId, slug, ...data }, select: FORMAT_FIELDS });
    }
    findFormat(eventId, slug) {
        return this.tx.db.sessionFormat.findUnique({ where: { eventId_slug: { eventId, slug } }, select: FORMAT_FIELDS });
    }
    updateFormat(id, data) {
        return this.tx.db.sessionFormat.update({ where: { id }, data, select: FORMAT_FIELDS });
    }
    /**
     * Deletes the format unless a submission uses it. The row lock makes a concurrent submission that picks this
     * format wait, so the count cannot go stale before the delete.
     */
    async deleteFormatIfUnused(id) {
        await this.tx.db.$queryRaw `SELECT id FROM session_formats WHERE id = ${id}::uuid FOR UPDATE`;
        if ((await this.tx.db.submission.count({ where: { formatId: id } })) > 0)
            return false;
        await this.tx.db.sessionFormat.delete({ where: { id } });
        return true;
    }
    createTrack(eventId, slug, data) {
        return this.tx.db.track.create({ data: { eventId, slug, ...data }, select: TRACK_FIELDS });
    }
    findTrack(eventId, slug) {
        return this.tx.db.track.findUnique({ where: { eventId_slug: { eventId, slug } }, select: TRACK_FIELDS });
    }
    updateTrack(id, data) {
        return this.tx.db.track.update({ where: { id }, data, select: TRACK_FIELDS });
    }
    /** Same guarantee as deleteFormatIfUnused. */
    async deleteTrackIfUnused(id) {
        await this.tx.db.$queryRaw `SELECT id FROM tracks WHERE id = ${id}::uuid FOR UPDATE`;
        if ((await this.tx.db.submission.count({ where: { trackId: id } })) > 0)
            return false;
        await this.tx.db.track.delete({ where: { id } });
        return true;
    }
    countTracks(eventId) {
        return this.tx.db.track.count({ where: { eventId } });
    }
    createQuestion(eventId, data) {
        return this.tx.db.cfpQuestion.create({ data: { eventId, ...data }, select: QUESTION_FIELDS });
    }
    findQuestion(eventId, id) {
        return this.tx.db.cfpQuestion.findFirst({ where: { id, eventId, ...notArchived }, select: QUESTION_FIELDS });
    }
    updateQuestion(id, data) {
        return this.tx.db.cfpQuestion.update({ where: { id }, data, select: QUESTION_FIELDS });
    }
    async archiveQuestion(id, at) {
        await this.tx.db.cfpQuestion.update({ where: { id }, data: { archivedAt: at } });
    }
    activeQuestions(eventId, scope) {
        return this.tx.db.cfpQuestion.findMany({
            where: { eventId, scope, ...notArchived },
            select: QUESTION_FIELDS,
            orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
        });
    }
    findProfile(userId) {
        return this.tx.db.speakerProfile.findUnique({ where: { userId }, select: PROFILE_FIELDS });
    }
    upsertProfile(userId, data) {
        return this.tx.db.speakerProfile.upsert({
            where: { userId },
            create: { userId, ...data },
            update: data,
            select: PROFILE_FIELDS,
        });
    }
    /** The speaker's answers to this event's speaker questions (archived questions included: they were answered). */
    speakerAnswers(eventId, userId) {
        return this.tx.db.cfpAnswer.findMany({
            where: { userId, question: { eventId } },
            select: { questionId: true, value: true },
        });
    }
    /** Applies answer changes: a value is written, null removes the answer. */
    async saveAnswers(owner, changes) {
        const removed = [...changes].filter(([, value]) => value === null).map(([questionId]) => questionId);
        if (removed.length > 0) {
            await this.tx.db.cfpAnswer.deleteMany({ where: { ...owner, questionId: { in: removed } } });
        }
        for (const [questionId, value] of changes) {
            if (value === null)
                continue;
            if ('submissionId' in owner) {
                await this.tx.db.cfpAnswer.upsert({
                    where: { questionId_submissionId: { questionId, submissionId: owner.submissionId } },
                    create: { questionId, submissionId: owner.submissionId, value },
                    update: { value },
                });
            }
            else {
                await this.tx.db.cfpAnswer.upsert({
                    where: { questionId_userId: { questionId, userId: owner.userId } },
                    create: { questionId, userId: owner.userId, value },
                    update: { value },
                });
            }
        }
    }
};
exports.CfpRepository = CfpRepository;
exports.CfpRepository = CfpRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], CfpRepository);
//# sourceMappingURL=cfp.repository.js.map