import { Injectable } from '@nestjs/common';
import { Prisma, ReportStatus } from '@lectern/database/generated/client';
import { KeysetPosition, createdAfter } from '@lectern/database/keyset';
import { TransactionHost } from '@lectern/database/transaction.host';

/** Everything a report view shows: never the PDF bytes, the HTML or the JSON text. */
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
  files: { select: { language: true, sha256: true, sizeBytes: true, htmlSha256: true, htmlSizeBytes: true }, orderBy: { language: 'asc' } },
} as const satisfies Prisma.ReportSelect;

export type ReportRecord = Prisma.ReportGetPayload<{ select: typeof REPORT_FIELDS }>;

@Injectable()
export class ReportsRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * A new QUEUED report, unless the event already has one QUEUED or RUNNING: then nothing is inserted (null). The
   * partial unique index decides, so of two concurrent requests exactly one inserts; the other waits for it to
   * commit and then finds its report.
   */
  async createUnlessActive(eventId: string, requestedById: string, privacyThreshold: number): Promise<string | null> {
    const rows = await this.tx.db.$queryRaw<{ id: string }[]>`
      INSERT INTO reports (id, event_id, requested_by_id, privacy_threshold, updated_at)
      VALUES (gen_random_uuid(), ${eventId}::uuid, ${requestedById}::uuid, ${privacyThreshold}, now())
      ON CONFLICT (event_id) WHERE status IN ('QUEUED', 'RUNNING') DO NOTHING
      RETURNING id::text AS id`;
    return rows[0]?.id ?? null;
  }

  findActive(eventId: string): Promise<ReportRecord | null> {
    return this.tx.db.report.findFirst({
      where: { eventId, status: { in: [ReportStatus.QUEUED, ReportStatus.RUNNING] } },
      select: REPORT_FIELDS,
    });
  }

  find(eventId: string, id: string): Promise<ReportRecord | null> {
    return this.tx.db.report.findFirst({ where: { id, eventId }, select: REPORT_FIELDS });
  }

  /** Newest first, keyset-paginated; `publishedOnly` for callers who may see published reports only. */
  listPage(eventId: string, publishedOnly: boolean, limit: number, after?: KeysetPosition) {
    return this.tx.db.report.findMany({
      where: {
        eventId,
        ...(publishedOnly ? { publishedAt: { not: null } } : {}),
        ...createdAfter(after, 'desc'),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      select: REPORT_FIELDS,
    });
  }

  /** Sets publishedAt once; publishing again keeps the first instant. Null when the report is not SUCCEEDED. */
  async publish(id: string, now: Date): Promise<{ publishedAt: Date; changed: boolean } | null> {
    const { count } = await this.tx.db.report.updateMany({
      where: { id, status: ReportStatus.SUCCEEDED, publishedAt: null },
      data: { publishedAt: now },
    });
    const row = await this.tx.db.report.findUnique({ where: { id }, select: { publishedAt: true } });
    return row?.publishedAt ? { publishedAt: row.publishedAt, changed: count === 1 } : null;
  }

  fileChecksum(reportId: string, language: string) {
    return this.tx.db.reportFile.findUnique({
      where: { reportId_language: { reportId, language } },
      select: { sha256: true, sizeBytes: true },
    });
  }

  filePdf(reportId: string, language: string) {
    return this.tx.db.reportFile.findUnique({ where: { reportId_language: { reportId, language } }, select: { pdf: true, sha256: true } });
  }

  fileHtml(reportId: string, language: string) {
    return this.tx.db.reportFile.findUnique({ where: { reportId_language: { reportId, language } }, select: { html: true, htmlSha256: true } });
  }

  json(reportId: string) {
    return this.tx.db.report.findUnique({ where: { id: reportId }, select: { reportJson: true, jsonSha256: true } });
  }
}
