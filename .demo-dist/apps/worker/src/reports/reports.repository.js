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
exports.WorkerReportsRepository = void 0;
const common_1 = require("@nestjs/common");
const client_1 = require("../../../../libs/database/generated/client");
const prisma_service_1 = require("../../../../libs/database/prisma.service");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
const collect_report_input_1 = require("../../../../reports/statistics/collect-report-input");
/** The worker's side of the reports table: claims, heartbeats, results; and the statistics' database access. */
let WorkerReportsRepository = class WorkerReportsRepository {
    tx;
    prisma;
    constructor(tx, prisma) {
        this.tx = tx;
        this.prisma = prisma;
    }
    /**
     * Starts a run: a QUEUED report, or a RUNNING one whose worker died (its job came back after the lock expired),
     * gets this run's id, and from then on only this run can change it. Null when there is nothing to do (finished
     * or failed already, or deleted with its event). The generation instant is fixed by the first run.
     */
    async claim(reportId, runId) {
        const rows = await this.tx.db.$queryRaw `
      UPDATE reports
         SET status = 'RUNNING', run_id = ${runId}::uuid, attempts = attempts + 1, progress = 5,
             started_at = now(), heartbeat_at = now(), generated_at = COALESCE(generated_at, now()), updated_at = now()
       WHERE id = ${reportId}::uuid AND status IN ('QUEUED', 'RUNNING')
      RETURNING event_id::text AS event_id, privacy_threshold, generated_at, attempts`;
        const row = rows[0];
        return row ? { eventId: row.event_id, privacyThreshold: row.privacy_threshold, generatedAt: row.generated_at, attempts: row.attempts } : null;
    }
    /** Progress doubles as a heartbeat; false when another run has taken the report over. */
    async progress(reportId, runId, progress) {
        const { count } = await this.tx.db.report.updateMany({
            where: { id: reportId, runId, status: client_1.ReportStatus.RUNNING },
            data: { heartbeatAt: new Date(), ...(progress === undefined ? {} : { progress }) },
        });
        return count === 1;
    }
    /**
     * Runs the statistics in one REPEATABLE READ transaction, so every figure comes from the same snapshot, with
     * each statement bounded by `statementTimeoutMs`.
     */
    collect(eventId, options) {
        return this.prisma.$transaction(async (db) => {
            const sql = (text, values = []) => db.$queryRawUnsafe(text, ...values);
            await sql(`SELECT set_config('statement_timeout', $1, true)`, [String(options.statementTimeoutMs)]);
            return (0, collect_report_input_1.collectReportInput)(sql, eventId, options);
        }, {
            isolationLevel: client_1.Prisma.TransactionIsolationLevel.RepeatableRead,
            timeout: options.statementTimeoutMs * 12,
            maxWait: 10_000,
        });
    }
    /**
     * The result, all at once: JSON, checksums and both PDFs with the SUCCEEDED status, in one transaction. False
     * (and nothing written) when this run no longer owns the report.
     */
    store(reportId, runId, result) {
        return this.tx.run(async () => {
            const { count } = await this.tx.db.report.updateMany({
                where: { id: reportId, runId, status: client_1.ReportStatus.RUNNING },
                data: {
                    status: client_1.ReportStatus.SUCCEEDED,
                    progress: 100,
                    reportJson: result.json,
                    jsonSha256: result.jsonSha256,
                    finishedAt: new Date(),
                    heartbeatAt: new Date(),
                    lastError: null,
                },
            });
            if (count !== 1)
                return false;
            await this.tx.db.reportFile.deleteMany({ where: { reportId } });
            await this.tx.db.reportFile.createMany({
                data: result.files.map((f) => ({ reportId, language: f.language, pdf: new Uint8Array(f.pdf), sha256: f.sha256, sizeBytes: f.pdf.length })),
            });
            return true;
        });
    }
    /** This run failed but the job will be retried: the report waits again, with the error kept for the status page. */
    async retryLater(reportId, runId, error) {
        await this.tx.db.report.updateMany({
            where: { id: reportId, runId, status: client_1.ReportStatus.RUNNING },
            data: { status: client_1.ReportStatus.QUEUED, runId: null, lastError: error, progress: 0 },
        });
    }
    /** Failed for good. `runId` null: whatever run holds it (the sweep's verdict on a dead one). */
    async fail(reportId, runId, reason) {
        await this.tx.db.report.updateMany({
            where: { id: reportId, status: { in: [client_1.ReportStatus.QUEUED, client_1.ReportStatus.RUNNING] }, ...(runId ? { runId } : {}) },
            data: { status: client_1.ReportStatus.FAILED, failureReason: reason, lastError: reason, runId: null, finishedAt: new Date() },
        });
    }
    /**
     * Reports RUNNING without a heartbeat since `cutoff`: their worker died and BullMQ did not bring the job back
     * (it stalled once too often, or Redis lost it). Those with attempts left go back to QUEUED, the others FAIL.
     */
    async releaseStuck(cutoff, maxAttempts, reason) {
        const rows = await this.tx.db.$queryRaw `
      UPDATE reports
         SET status = CASE WHEN attempts < ${maxAttempts} THEN 'QUEUED'::"ReportStatus" ELSE 'FAILED'::"ReportStatus" END,
             failure_reason = CASE WHEN attempts < ${maxAttempts} THEN NULL ELSE ${reason} END,
             last_error = ${reason}, run_id = NULL, progress = 0, updated_at = now(),
             finished_at = CASE WHEN attempts < ${maxAttempts} THEN NULL ELSE now() END
       WHERE status = 'RUNNING' AND heartbeat_at < ${cutoff}
      RETURNING id::text AS id, status`;
        return {
            requeued: rows.filter((r) => r.status === client_1.ReportStatus.QUEUED).map((r) => r.id),
            failed: rows.filter((r) => r.status === client_1.ReportStatus.FAILED).map((r) => r.id),
        };
    }
    /** Reports QUEUED since before `cutoff`: their job may be lost (Redis restarted, or the API could not add it). */
    async queuedSince(cutoff) {
        const rows = await this.tx.db.report.findMany({
            where: { status: client_1.ReportStatus.QUEUED, updatedAt: { lt: cutoff } },
            select: { id: true },
            take: 1_000,
        });
        return rows.map((r) => r.id);
    }
};
exports.WorkerReportsRepository = WorkerReportsRepository;
exports.WorkerReportsRepository = WorkerReportsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost,
        prisma_service_1.PrismaService])
], WorkerReportsRepository);
//# sourceMappingURL=reports.repository.js.map