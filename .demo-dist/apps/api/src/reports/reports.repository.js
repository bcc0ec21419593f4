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
exports.ReportsRepository = void 0;
const common_1 = require("@nestjs/common");
const client_1 = require("../../../../libs/database/generated/client");
const transaction_host_1 = require("../../../../libs/database/transaction.host");
/** Everything a report view shows: never the PDF bytes, never the JSON text. */
const REPORT_FIELDS = {
    id: true,
    status: true,
    progress: true,
    attempts: true,
    privacyThreshold: true,
    failureReason: true,
    lastError: true,
    createdAt: true,
    startedAt: true,
    finishedAt: true,
    generatedAt: true,
    publishedAt: true,
    jsonSha256: true,
    files: { select: { language: true, sha256: true, sizeBytes: true }, orderBy: { language: 'asc' } },
};
let ReportsRepository = class ReportsRepository {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    /**
     * A new QUEUED report, unless the event already has one QUEUED or RUNNING: then nothing is inserted (null). The
     * partial unique index decides, so of two concurrent requests exactly one inserts; the other waits for it to
     * commit and then finds its report.
     */
    async createUnlessActive(eventId, requestedById, privacyThreshold) {
        const rows = await this.tx.db.$queryRaw `
      INSERT INTO reports (id, event_id, requested_by_id, privacy_threshold, updated_at)
      VALUES (gen_random_uuid(), ${eventId}::uuid, ${requestedById}::uuid, ${privacyThreshold}, now())
      ON CONFLICT (event_id) WHERE status IN ('QUEUED', 'RUNNING') DO NOTHING
      RETURNING id::text AS id`;
        return rows[0]?.id ?? null;
    }
    findActive(eventId) {
        return this.tx.db.report.findFirst({
            where: { eventId, status: { in: [client_1.ReportStatus.QUEUED, client_1.ReportStatus.RUNNING] } },
            select: REPORT_FIELDS,
        });
    }
    find(eventId, id) {
        return this.tx.db.report.findFirst({ where: { id, eventId }, select: REPORT_FIELDS });
    }
    /** Newest first, keyset-paginated; `publishedOnly` for callers who may see published reports only. */
    listPage(eventId, publishedOnly, limit, after) {
        return this.tx.db.report.findMany({
            where: {
                eventId,
                ...(publishedOnly ? { publishedAt: { not: null } } : {}),
                ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
            },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            take: limit + 1,
            select: REPORT_FIELDS,
        });
    }
    /** Sets publishedAt once; publishing again keeps the first instant. Null when the report is not SUCCEEDED. */
    async publish(id, now) {
        const { count } = await this.tx.db.report.updateMany({
            where: { id, status: client_1.ReportStatus.SUCCEEDED, publishedAt: null },
            data: { publishedAt: now },
        });
        const row = await this.tx.db.report.findUnique({ where: { id }, select: { publishedAt: true } });
        return row?.publishedAt ? { publishedAt: row.publishedAt, changed: count === 1 } : null;
    }
    fileChecksum(reportId, language) {
        return this.tx.db.reportFile.findUnique({
            where: { reportId_language: { reportId, language } },
            select: { sha256: true, sizeBytes: true },
        });
    }
    filePdf(reportId, language) {
        return this.tx.db.reportFile.findUnique({ where: { reportId_language: { reportId, language } }, select: { pdf: true, sha256: true } });
    }
    json(reportId) {
        return this.tx.db.report.findUnique({ where: { id: reportId }, select: { reportJson: true, jsonSha256: true } });
    }
};
exports.ReportsRepository = ReportsRepository;
exports.ReportsRepository = ReportsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transaction_host_1.TransactionHost])
], ReportsRepository);
//# sourceMappingURL=reports.repository.js.map