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
exports.SubmissionsRepository = void 0;
const common_1 = require("@nestjs/common");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const PROFILE_FIELDS = {
    name: true,
    bio: true,
    company: true,
    jobTitle: true,
    country: true,
    pronouns: true,
    firstTimeSpeaker: true,
};
const speakerOrder = [{ role: 'asc' }, { createdAt: 'asc' }];
/** Everything one submission's page shows; one statement thanks to relation joins. */
function detailFields(eventId) {
    return {
        id: true,
        eventId: true,
        code: true,
        origin: true,
        state: true,
        title: true,
        abstract: true,
        description: true,
        level: true,
        language: true,
        submittedAt: true,
        stateChangedAt: true,
        createdAt: true,
        updatedAt: true,
        format: { select: { id: true, slug: true, name: true, nameZh: true, durationMinutes: true, maxSpeakers: true, openForSubmissions: true } },
        track: { select: { id: true, slug: true, name: true, nameZh: true } },
        answers: { select: { questionId: true, value: true } },
        invitations: {
            select: { id: true, email: true, status: true, createdAt: true, respondedAt: true },
            orderBy: { createdAt: 'asc' },
        },
        speakers: {
            select: {
                userId: true,
                role: true,
                firstTimeSpeaker: true,
                user: {
                    select: {
                        email: true,
                        name: true,
                        speakerProfile: { select: PROFILE_FIELDS },
                        cfpAnswers: { where: { question: { eventId } }, select: { questionId: true, value: true } },
                    },
                },
            },
            orderBy: speakerOrder,
        },
    };
}
const LIST_FIELDS = {
    id: true,
    code: true,
    origin: true,
    state: true,
    title: true,
    level: true,
    language: true,
    submittedAt: true,
    format: { select: { slug: true, name: true } },
    track: { select: { slug: true, name: true } },
    speakers: {
        select: {
            role: true,
            user: { select: { name: true, speakerProfile: { select: { name: true, company: true, country: true } } } },
        },
        orderBy: speakerOrder,
    },
};
const EXPORT_FIELDS = {
    ...LIST_FIELDS,
    abstract: true,
    description: true,
    format: { select: { slug: true, name: true, durationMinutes: true } },
    answers: { select: { questionId: true, value: true } },
    speakers: {
        select: {
            role: true,
            firstTimeSpeaker: true,
            user: {
                select: {
                    email: true,
                    name: true,
                    speakerProfile: { select: { name: true, company: true, jobTitle: true, country: true } },
                },
            },
        },
        orderBy: speakerOrder,
    },
};
const MINE_FIELDS = {
    id: true,
    code: true,
    origin: true,
    state: true,
    title: true,
    level: true,
    language: true,
    submittedAt: true,
    updatedAt: true,
    format: { select: { slug: true, name: true } },
    track: { select: { slug: true, name: true } },
    speakers: { select: { userId: true, role: true } },
};
/** `%`, `_` and `\` match literally in a search box; LIKE would read them as wildcards. */
const likeLiteral = (text) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
function filterWhere(filter) {
    const text = filter.text ? likeLiteral(filter.text) : undefined;
    return {
        eventId: filter.eventId,
        origin: { in: filter.origins },
        state: { in: filter.states },
        ...(filter.trackSlug ? { track: { slug: filter.trackSlug } } : {}),
        ...(filter.formatSlug ? { format: { slug: filter.formatSlug } } : {}),
        ...(filter.level ? { level: filter.level } : {}),
        ...(filter.language ? { language: filter.language } : {}),
        ...(text
            ? { OR: [{ title: { contains: text, mode: 'insensitive' } }, { abstract: { contains: text, mode: 'insensitive' } }] }
            : {}),
    };
}
let SubmissionsRepository = class SubmissionsRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    findDetail(eventId, id) {
        return this.tx.db.submission.findFirst({ where: { id, eventId }, select: detailFields(eventId) });
    }
    /** Holds the submission's row lock until commit: edits, submits and speaker changes of one proposal take turns. */
    async lock(id) {
        await this.tx.db.$queryRaw `SELECT id FROM submissions WHERE id = ${id}::uuid FOR UPDATE`;
    }
    /** The row lock and the state it guards, in one statement. */
    async lockState(eventId, id) {
        const rows = await this.tx.db.$queryRaw `
      SELECT id, state FROM submissions WHERE id = ${id}::uuid AND event_id = ${eventId}::uuid FOR UPDATE`;
        return rows[0] ?? null;
    }
    async create(data, speakers) {
        const created = await this.tx.db.submission.create({
            data: { ...data, speakers: { create: speakers } },
            select: { id: true },
        });
        return created.id;
    }
    async update(id, data) {
        await this.tx.db.submission.update({ where: { id }, data });
    }
    async setState(id, state, at, submittedAt) {
        await this.tx.db.submission.update({
            where: { id },
            data: { state, stateChangedAt: at, ...(submittedAt ? { submittedAt } : {}) },
        });
    }
    listMine(eventId, userId) {
        return this.tx.db.submission.findMany({
            where: { eventId, speakers: { some: { userId } } },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            select: MINE_FIELDS,
        });
    }
    /** Keyset page, newest submission first: one statement whatever the page size. */
    listPage(filter, limit, after) {
        return this.tx.db.submission.findMany({
            where: this.pageWhere(filter, after),
            orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
            take: limit + 1,
            select: LIST_FIELDS,
        });
    }
    exportPage(filter, limit, after) {
        return this.tx.db.submission.findMany({
            where: this.pageWhere(filter, after),
            orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
            take: limit,
            select: EXPORT_FIELDS,
        });
    }
    pageWhere(filter, after) {
        return {
            AND: [
                filterWhere(filter),
                { submittedAt: { not: null } },
                ...(after
                    ? [{ OR: [{ submittedAt: { lt: after.submittedAt } }, { submittedAt: after.submittedAt, id: { lt: after.id } }] }]
                    : []),
            ],
        };
    }
    /** Totals per state, track and format for the same filter, in three statements. */
    async counts(filter) {
        const where = filterWhere(filter);
        const [byState, byTrack, byFormat] = await Promise.all([
            this.tx.db.submission.groupBy({ by: ['state'], where, _count: { _all: true }, orderBy: { state: 'asc' } }),
            this.tx.db.submission.groupBy({ by: ['trackId'], where, _count: { _all: true }, orderBy: { trackId: 'asc' } }),
            this.tx.db.submission.groupBy({ by: ['formatId'], where, _count: { _all: true }, orderBy: { formatId: 'asc' } }),
        ]);
        return {
            byState: byState.map((row) => ({ state: row.state, count: row._count._all })),
            byTrack: byTrack.map((row) => ({ trackId: row.trackId, count: row._count._all })),
            byFormat: byFormat.map((row) => ({ formatId: row.formatId, count: row._count._all })),
        };
    }
    /** Formats and tracks of the event by id, to name the groups in counts. */
    async labels(eventId) {
        const event = await this.tx.db.event.findUnique({
            where: { id: eventId },
            select: {
                sessionFormats: { select: { id: true, slug: true, name: true }, orderBy: [{ position: 'asc' }, { slug: 'asc' }] },
                tracks: { select: { id: true, slug: true, name: true }, orderBy: [{ position: 'asc' }, { slug: 'asc' }] },
            },
        });
        return { formats: event?.sessionFormats ?? [], tracks: event?.tracks ?? [] };
    }
    /**
     * Serialises everything that counts against the per-speaker limit of these people in this event, until commit.
     * Ids are locked in sorted order so that two transactions locking overlapping sets cannot deadlock.
     */
    async lockSpeakerQuota(eventId, userIds) {
        const sorted = [...new Set(userIds)].sort();
        if (sorted.length === 0)
            return;
        // executeRaw: the lock function returns void, which a query's result mapping cannot read.
        await this.tx.db.$executeRaw `
      SELECT pg_advisory_xact_lock(hashtext('cfp-speaker-limit:' || ${eventId}), hashtext(u.user_id))
        FROM unnest(${sorted}::text[]) WITH ORDINALITY AS u(user_id, n)
       ORDER BY u.n`;
    }
    /** Per user: CFP submissions of the event in a state that counts against the limit, on which they are a speaker. */
    async countLimited(eventId, userIds, states) {
        const rows = await this.tx.db.submissionSpeaker.groupBy({
            by: ['userId'],
            where: { userId: { in: userIds }, submission: { eventId, origin: client_1.SubmissionOrigin.CFP, state: { in: [...states] } } },
            _count: { _all: true },
        });
        return new Map(rows.map((row) => [row.userId, row._count._all]));
    }
    async addSpeaker(submissionId, userId, role, firstTimeSpeaker) {
        await this.tx.db.submissionSpeaker.create({ data: { submissionId, userId, role, firstTimeSpeaker } });
    }
    /** Copies each speaker's current first-time flag onto the submission, so later profile edits leave this edition alone. */
    async snapshotFirstTimeFlags(submissionId) {
        await this.tx.db.$executeRaw `
      UPDATE submission_speakers ss SET first_time_speaker = sp.first_time_speaker
        FROM speaker_profiles sp
       WHERE sp.user_id = ss.user_id AND ss.submission_id = ${submissionId}::uuid`;
    }
    countPendingInvitations(submissionId) {
        return this.tx.db.cospeakerInvitation.count({ where: { submissionId, status: client_1.InvitationStatus.PENDING } });
    }
    createInvitation(submissionId, email) {
        return this.tx.db.cospeakerInvitation.create({
            data: { submissionId, email },
            select: { id: true, email: true, status: true, createdAt: true, respondedAt: true },
        });
    }
    findInvitation(eventId, id) {
        return this.tx.db.cospeakerInvitation.findFirst({
            where: { id, submission: { eventId } },
            select: { id: true, email: true, status: true, submissionId: true },
        });
    }
    async setInvitationStatus(id, status, at) {
        await this.tx.db.cospeakerInvitation.update({ where: { id }, data: { status, respondedAt: at } });
    }
    /** Open invitations addressed to this e-mail, with what the invitee needs to decide. */
    pendingInvitationsFor(email) {
        return this.tx.db.cospeakerInvitation.findMany({
            where: { email, status: client_1.InvitationStatus.PENDING },
            orderBy: { createdAt: 'desc' },
            select: {
                id: true,
                createdAt: true,
                submission: {
                    select: {
                        id: true,
                        code: true,
                        title: true,
                        state: true,
                        event: { select: { slug: true, name: true } },
                        speakers: {
                            where: { role: client_1.SpeakerRole.OWNER },
                            select: { user: { select: { name: true, speakerProfile: { select: { name: true } } } } },
                        },
                    },
                },
            },
        });
    }
    /** Users with these e-mails (already normalised), for organisers who add an invited session's speakers. */
    usersByEmail(emails) {
        return this.tx.db.user.findMany({
            where: { email: { in: emails } },
            select: { id: true, email: true, speakerProfile: { select: { firstTimeSpeaker: true } } },
        });
    }
};
exports.SubmissionsRepository = SubmissionsRepository;
exports.SubmissionsRepository = SubmissionsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], SubmissionsRepository);
//# sourceMappingURL=submissions.repository.js.map