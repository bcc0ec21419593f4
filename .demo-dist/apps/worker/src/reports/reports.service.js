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
var WorkerReportsService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkerReportsService = exports.PermanentReportError = void 0;
const node_crypto_1 = require("node:crypto");
const bullmq_1 = require("@nestjs/bullmq");
const common_1 = require("@nestjs/common");
const bullmq_2 = require("bullmq");
const config_module_1 = require("../../../../libs/config/config.module");
const queue_contract_1 = require("../../../../libs/queue/queue.contract");
const build_report_1 = require("../../../../reports/build-report");
const produce_report_1 = require("../../../../reports/produce-report");
const thread_renderer_1 = require("../../../../reports/render/thread-renderer");
const event_1 = require("../../../../reports/statistics/event");
const reports_repository_1 = require("./reports.repository");
/** The report can never be produced from this request: retrying would fail the same way. */
class PermanentReportError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PermanentReportError';
    }
}
exports.PermanentReportError = PermanentReportError;
/** How often a run proves it is alive, well inside REPORT_STUCK_AFTER_SECONDS (at least 15 s). */
const HEARTBEAT_MS = 5_000;
const MAX_REASON = 2_000;
const sha256 = (data) => (0, node_crypto_1.createHash)('sha256').update(data).digest('hex');
const reasonOf = (error) => (error instanceof Error ? error.message : String(error)).slice(0, MAX_REASON);
let WorkerReportsService = WorkerReportsService_1 = class WorkerReportsService {
    repository;
    queue;
    config;
    logger = new common_1.Logger(WorkerReportsService_1.name);
    constructor(repository, queue, config) {
        this.repository = repository;
        this.queue = queue;
        this.config = config;
    }
    /** Runs allowed per report, crashed ones included; the same number BullMQ retries a failing job. */
    get maxAttempts() {
        return queue_contract_1.JOB_OPTIONS['reports.generate'].attempts ?? 1;
    }
    /**
     * One run: claim, statistics (one snapshot), the model, both PDFs in a worker thread, then everything stored at
     * once. `lastAttempt` says whether a failure of this run ends the report (FAILED) or waits for BullMQ's retry.
     */
    async generate(reportId, lastAttempt) {
        const runId = (0, node_crypto_1.randomUUID)();
        const claim = await this.repository.claim(reportId, runId);
        if (!claim)
            return { outcome: 'nothing-to-do' };
        if (claim.attempts > this.maxAttempts) {
            await this.repository.fail(reportId, runId, `gave up after ${this.maxAttempts} attempts`);
            return { outcome: 'gave-up', attempts: claim.attempts };
        }
        const heartbeat = setInterval(() => {
            this.repository.progress(reportId, runId).catch((error) => this.logger.warn(`report ${reportId} heartbeat: ${error.message}`));
        }, HEARTBEAT_MS);
        let renderer;
        try {
            const input = await this.repository.collect(claim.eventId, {
                privacyThreshold: claim.privacyThreshold,
                generatedAt: claim.generatedAt,
                statementTimeoutMs: this.config.reports.statementTimeoutMs,
            });
            const model = (0, build_report_1.buildReport)(input);
            if (!(await this.repository.progress(reportId, runId, 40)))
                return { outcome: 'superseded' };
            renderer = new thread_renderer_1.ThreadRenderer();
            const files = [];
            for (const [index, language] of produce_report_1.REPORT_LANGUAGES.entries()) {
                const pdf = await renderer.render(model, language);
                files.push({ language, pdf, sha256: sha256(pdf) });
                await this.repository.progress(reportId, runId, 40 + Math.round((50 * (index + 1)) / produce_report_1.REPORT_LANGUAGES.length));
            }
            const json = (0, produce_report_1.reportJson)(model);
            const stored = await this.repository.store(reportId, runId, { json, jsonSha256: sha256(json), files });
            return { outcome: stored ? 'succeeded' : 'superseded', attempts: claim.attempts };
        }
        catch (error) {
            const reason = reasonOf(error);
            if (error instanceof build_report_1.ReportInputError || error instanceof event_1.ReportEventNotFoundError) {
                await this.repository.fail(reportId, runId, reason);
                throw new PermanentReportError(reason);
            }
            if (lastAttempt || claim.attempts >= this.maxAttempts)
                await this.repository.fail(reportId, runId, reason);
            else
                await this.repository.retryLater(reportId, runId, reason);
            throw error;
        }
        finally {
            clearInterval(heartbeat);
            await renderer?.close();
        }
    }
    /**
     * The maintenance sweep's part: reports RUNNING without a heartbeat for REPORT_STUCK_AFTER_SECONDS go back to
     * QUEUED (or FAIL when out of attempts), and every report QUEUED for that long gets its job added again. Job
     * ids are the reports' own, so a job still live in Redis is not duplicated.
     */
    async sweepStuck(now) {
        const cutoff = new Date(now.getTime() - this.config.reports.stuckAfterSeconds * 1000);
        const released = await this.repository.releaseStuck(cutoff, this.maxAttempts, 'the worker producing it stopped responding');
        const queued = await this.repository.queuedSince(cutoff);
        const ids = [...new Set([...released.requeued, ...queued])];
        if (ids.length > 0) {
            await this.queue.addBulk(ids.map((reportId) => ({
                name: 'reports.generate',
                data: { reportId },
                opts: { ...queue_contract_1.JOB_OPTIONS['reports.generate'], jobId: (0, queue_contract_1.REPORT_JOB_ID)(reportId) },
            })));
        }
        return { reportsRequeued: ids.length, reportsFailed: released.failed.length };
    }
};
exports.WorkerReportsService = WorkerReportsService;
exports.WorkerReportsService = WorkerReportsService = WorkerReportsService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, bullmq_1.InjectQueue)(queue_contract_1.QUEUES.reports)),
    __param(2, (0, common_1.Inject)(config_module_1.APP_CONFIG)),
    __metadata("design:paramtypes", [reports_repository_1.WorkerReportsRepository,
        bullmq_2.Queue, Object])
], WorkerReportsService);
//# sourceMappingURL=reports.service.js.map