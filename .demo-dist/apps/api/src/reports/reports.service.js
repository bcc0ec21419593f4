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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var ReportsService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReportsService = void 0;
exports.matchesEtag = matchesEtag;
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const bullmq_2 = require("bullmq");
const audit_repository_1 = require("../../../../libs/audit/audit.repository");
const clock_1 = require("../../../../libs/clock/clock");
const config_module_1 = require("../../../../libs/config/config.module");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const queue_contract_1 = require("../../../../libs/queue/queue.contract");
const events_repository_1 = require("../events/events.repository");
const events_errors_1 = require("../events/events.errors");
const cursor_1 = require("../http/cursor");
const reports_errors_1 = require("./reports.errors");
const reports_repository_1 = require("./reports.repository");
const etagOf = (sha256) => `"${sha256}"`;
/** RFC 9110 If-None-Match: a list of (possibly weak) entity tags, or `*`. */
function matchesEtag(header, etag) {
    if (!header)
        return false;
    return header.split(',').some((tag) => {
        const trimmed = tag.trim();
        return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
    });
}
let ReportsService = ReportsService_1 = class ReportsService {
    reports;
    events;
    audit;
    tx;
    clock;
    queue;
    config;
    logger = new common_1.Logger(ReportsService_1.name);
    constructor(reports, events, audit, tx, clock, queue, config) {
        this.reports = reports;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.queue = queue;
        this.config = config;
    }
    /**
     * Queues a report of the edition, or returns the one already QUEUED or RUNNING: two requests never start two
     * jobs (the database lets one of them insert; the job id is the report's). The job is added after the commit;
     * if Redis refuses it, the report stays QUEUED and the worker's sweep adds it later.
     */
    async request(actor, access) {
        const eventId = access.event.id;
        const threshold = this.config.reports.privacyThreshold;
        // a report that finishes between our insert attempt and our look-up frees the slot: then try again
        for (let attempt = 0; attempt < 3; attempt++) {
            const report = await this.tx.run(async () => {
                const id = await this.reports.createUnlessActive(eventId, actor.id, threshold);
                if (id) {
                    await this.audit.record({
                        eventId,
                        actorId: actor.id,
                        requestId: actor.requestId,
                        action: 'report.requested',
                        entityType: 'report',
                        entityId: id,
                        after: { privacyThreshold: threshold },
                    });
                }
                return id ? this.reports.find(eventId, id) : this.reports.findActive(eventId);
            });
            if (!report)
                continue;
            if (report.status === client_1.ReportStatus.QUEUED)
                await this.enqueue(report.id);
            return this.view(access.event, report);
        }
        throw new Error(`could not queue a report for event ${eventId}`);
    }
    async list(slug, user, limit = 50, cursor) {
        const viewer = await this.viewer(slug, user);
        const after = cursor ? (0, cursor_1.decodeCursor)(cursor, ['string', 'string']) : undefined;
        const rows = await this.reports.listPage(viewer.event.id, !viewer.organiser, limit, after ? { createdAt: new Date(after[0]), id: after[1] } : undefined);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
            items: page.map((row) => this.view(viewer.event, row)),
            nextCursor: rows.length > limit && last ? (0, cursor_1.encodeCursor)([last.createdAt.toISOString(), last.id]) : null,
        };
    }
    async get(slug, user, id) {
        const viewer = await this.viewer(slug, user);
        return this.view(viewer.event, await this.visible(viewer, id));
    }
    async pdf(slug, user, id, language, ifNoneMatch) {
        const viewer = await this.viewer(slug, user);
        const report = await this.ready(viewer, id);
        const file = report.files.find((f) => f.language === language);
        if (!file)
            throw reports_errors_1.ReportErrors.notFound(id);
        const etag = etagOf(file.sha256);
        const cacheControl = this.cacheControl(report);
        if (matchesEtag(ifNoneMatch, etag))
            return { notModified: true, etag, cacheControl };
        const stored = await this.reports.filePdf(report.id, language);
        if (!stored)
            throw reports_errors_1.ReportErrors.notFound(id);
        return {
            notModified: false,
            etag: etagOf(stored.sha256),
            cacheControl,
            body: Buffer.from(stored.pdf),
            filename: `${viewer.event.slug}-transparency-report-${language}.pdf`,
        };
    }
    async json(slug, user, id, ifNoneMatch) {
        const viewer = await this.viewer(slug, user);
        const report = await this.ready(viewer, id);
        const etag = etagOf(report.jsonSha256);
        const cacheControl = this.cacheControl(report);
        if (matchesEtag(ifNoneMatch, etag))
            return { notModified: true, etag, cacheControl };
        const stored = await this.reports.json(report.id);
        if (!stored?.reportJson || !stored.jsonSha256)
            throw reports_errors_1.ReportErrors.notFound(id);
        return {
            notModified: false,
            etag: etagOf(stored.jsonSha256),
            cacheControl,
            body: Buffer.from(stored.reportJson, 'utf8'),
            filename: `${viewer.event.slug}-transparency-report.json`,
        };
    }
    /** From now on anyone may download it. Publishing a published report changes nothing. */
    async publish(actor, access, id) {
        return this.tx.run(async () => {
            const report = await this.reports.find(access.event.id, id);
            if (!report)
                throw reports_errors_1.ReportErrors.notFound(id);
            if (report.status !== client_1.ReportStatus.SUCCEEDED)
                throw reports_errors_1.ReportErrors.notReady(report.status);
            const published = await this.reports.publish(report.id, this.clock.now());
            if (!published)
                throw reports_errors_1.ReportErrors.notReady(report.status);
            if (published.changed) {
                await this.audit.record({
                    eventId: access.event.id,
                    actorId: actor.id,
                    requestId: actor.requestId,
                    action: 'report.published',
                    entityType: 'report',
                    entityId: report.id,
                    after: { publishedAt: published.publishedAt },
                });
            }
            return this.view(access.event, { ...report, publishedAt: published.publishedAt });
        });
    }
    async enqueue(reportId) {
        try {
            await this.queue.add('reports.generate', { reportId }, { ...queue_contract_1.JOB_OPTIONS['reports.generate'], jobId: (0, queue_contract_1.REPORT_JOB_ID)(reportId) });
        }
        catch (error) {
            this.logger.warn(`report ${reportId} stays QUEUED until the sweep adds its job: ${error.message}`);
        }
    }
    /** Like the event itself: a draft edition is invisible to anyone without a role in it. */
    async viewer(slug, user) {
        const found = await this.events.findWithRoles(slug, user?.id);
        if (!found)
            throw events_errors_1.EventErrors.notFound(slug);
        const { roleGrants, ...event } = found;
        if (event.status === client_1.EventStatus.DRAFT && !user?.isAdmin && roleGrants.length === 0)
            throw events_errors_1.EventErrors.notFound(slug);
        return { event, organiser: Boolean(user?.isAdmin) || roleGrants.some((g) => g.role === client_1.EventRole.ORGANISER) };
    }
    /** An unpublished report does not exist for those who may not see it. */
    async visible(viewer, id) {
        const report = await this.reports.find(viewer.event.id, id);
        if (!report || (!viewer.organiser && !report.publishedAt))
            throw reports_errors_1.ReportErrors.notFound(id);
        return report;
    }
    async ready(viewer, id) {
        const report = await this.visible(viewer, id);
        if (report.status !== client_1.ReportStatus.SUCCEEDED || !report.jsonSha256)
            throw reports_errors_1.ReportErrors.notReady(report.status);
        return report;
    }
    /** A report's files never change; before publication only its organisers' browsers may keep a copy. */
    cacheControl(report) {
        return report.publishedAt ? 'public, max-age=3600' : 'private, no-cache';
    }
    view(event, report) {
        const base = `/v1/events/${event.slug}/reports/${report.id}`;
        const succeeded = report.status === client_1.ReportStatus.SUCCEEDED;
        return {
            id: report.id,
            eventSlug: event.slug,
            status: report.status,
            progress: report.progress,
            attempts: report.attempts,
            privacyThreshold: report.privacyThreshold,
            failureReason: report.failureReason,
            lastError: report.lastError,
            requestedAt: report.createdAt,
            startedAt: report.startedAt,
            finishedAt: report.finishedAt,
            generatedAt: report.generatedAt,
            publishedAt: report.publishedAt,
            files: succeeded
                ? report.files.map((f) => ({ language: f.language, sha256: f.sha256, sizeBytes: f.sizeBytes, url: `${base}/pdf?lang=${f.language}` }))
                : [],
            json: succeeded && report.jsonSha256 ? { sha256: report.jsonSha256, url: `${base}/json` } : null,
        };
    }
};
exports.ReportsService = ReportsService;
exports.ReportsService = ReportsService = ReportsService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(5, (0, bullmq_1.InjectQueue)(queue_contract_1.QUEUES.reports)),
    __param(6, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [reports_repository_1.ReportsRepository,
        events_repository_1.EventsRepository,
        audit_repository_1.AuditRepository,
        transaction_host_1.TransactionHost,
        clock_1.Clock,
        bullmq_2.Queue, Object])
], ReportsService);
//# sourceMappingURL=reports.service.js.map