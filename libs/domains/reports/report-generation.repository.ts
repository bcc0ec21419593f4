import { Injectable } from '@nestjs/common';
import { Prisma, ReportStatus } from '@lectern/database/generated/client';
import { TransactionHost } from '@lectern/database/transaction.host';
import { ReportInput } from '@reports/build-report';
import { collectReportInput } from '@reports/statistics/collect-report-input';
import { SqlRunner } from '@reports/statistics/sql';
import { ReportConnections } from './report-connections';

export interface ClaimedReport {
  eventId: string;
  privacyThreshold: number;
  generatedAt: Date;
  /** Runs started so far, this one included. */
  attempts: number;
}

export interface StoredFile {
  language: string;
  pdf: Buffer;
  sha256: string;
  /** The web edition of the same language. */
  html: string;
  htmlSha256: string;
}

/**
 * The worker's side of the reports table: claims, heartbeats, results; and the statistics' database access. A run's
 * own statements go through the report job's connections (ReportConnections), never through the pool the other
 * queues share; only the maintenance sweep's (releaseStuck, queuedSince) go through that shared pool.
 */
@Injectable()
export class ReportGenerationRepository {
  private readonly tx: TransactionHost;

  constructor(
    private readonly shared: TransactionHost,
    private readonly prisma: ReportConnections,
  ) {
    this.tx = new TransactionHost(prisma);
  }

  /**
   * Starts a run: a QUEUED report, or a RUNNING one whose worker died (its job came back after the lock expired),
   * gets this run's id, and from then on only this run can change it. Null when there is nothing to do (finished
   * or failed already, or deleted with its event). The generation instant is fixed by the first run.
   */
  async claim(reportId: string, runId: string): Promise<ClaimedReport | null> {
    const rows = await this.tx.db.$queryRaw<{ event_id: string; privacy_threshold: number; generated_at: Date; attempts: number }[]>`
      UPDATE reports
         SET status = 'RUNNING', run_id = ${runId}::uuid, attempts = attempts + 1, progress = 5,
             started_at = now(), heartbeat_at = now(), generated_at = COALESCE(generated_at, now()), updated_at = now()
       WHERE id = ${reportId}::uuid AND status IN ('QUEUED', 'RUNNING')
      RETURNING event_id::text AS event_id, privacy_threshold, generated_at, attempts`;
    const row = rows[0];
    return row ? { eventId: row.event_id, privacyThreshold: row.privacy_threshold, generatedAt: row.generated_at, attempts: row.attempts } : null;
  }

  /** Progress doubles as a heartbeat; false when another run has taken the report over. */
  async progress(reportId: string, runId: string, progress?: number): Promise<boolean> {
    const { count } = await this.tx.db.report.updateMany({
      where: { id: reportId, runId, status: ReportStatus.RUNNING },
      data: { heartbeatAt: new Date(), ...(progress === undefined ? {} : { progress }) },
    });
    return count === 1;
  }

  /**
   * Runs the statistics in one REPEATABLE READ transaction, so every figure comes from the same snapshot, with
   * each statement bounded by `statementTimeoutMs`. Half of the registrations' scan runs beside it in a second
   * transaction on the job's other connection, which takes the first one's snapshot (collectRegistrations); the
   * heartbeat shares that connection and waits for that one statement at most.
   */
  collect(eventId: string, options: { privacyThreshold: number; generatedAt: Date; statementTimeoutMs: number }): Promise<ReportInput> {
    const inTransaction = <T,>(work: (sql: SqlRunner) => Promise<T>) =>
      this.prisma.$transaction(
        async (db) => {
          const sql: SqlRunner = <R,>(text: string, values: unknown[] = []) => db.$queryRawUnsafe<R[]>(text, ...values);
          // a SET, not a query: the snapshot can still be imported after it
          await sql(`SET LOCAL statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
          return work(sql);
        },
        {
          isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
          timeout: options.statementTimeoutMs * 12,
          maxWait: 10_000,
        },
      );
    return inTransaction((sql) => collectReportInput(sql, eventId, { ...options, beside: inTransaction }));
  }

  /**
   * The result, all at once: JSON, checksums, the PDFs and the web editions with the SUCCEEDED status, in one
   * transaction. False (and nothing written) when this run no longer owns the report.
   */
  store(reportId: string, runId: string, result: { json: string; jsonSha256: string; files: StoredFile[] }): Promise<boolean> {
    return this.tx.run(async () => {
      const { count } = await this.tx.db.report.updateMany({
        where: { id: reportId, runId, status: ReportStatus.RUNNING },
        data: {
          status: ReportStatus.SUCCEEDED,
          progress: 100,
          reportJson: result.json,
          jsonSha256: result.jsonSha256,
          finishedAt: new Date(),
          heartbeatAt: new Date(),
          lastError: null,
        },
      });
      if (count !== 1) return false;
      await this.tx.db.reportFile.deleteMany({ where: { reportId } });
      await this.tx.db.reportFile.createMany({
        data: result.files.map((f) => ({
          reportId,
          language: f.language,
          pdf: new Uint8Array(f.pdf),
          sha256: f.sha256,
          sizeBytes: f.pdf.length,
          html: f.html,
          htmlSha256: f.htmlSha256,
          htmlSizeBytes: Buffer.byteLength(f.html, 'utf8'),
        })),
      });
      return true;
    });
  }

  /** This run failed but the job will be retried: the report waits again, with the error kept for the status page. */
  async retryLater(reportId: string, runId: string, error: string): Promise<void> {
    await this.tx.db.report.updateMany({
      where: { id: reportId, runId, status: ReportStatus.RUNNING },
      data: { status: ReportStatus.QUEUED, runId: null, lastError: error, progress: 0 },
    });
  }

  /** Failed for good. `runId` null: whatever run holds it (the sweep's verdict on a dead one). */
  async fail(reportId: string, runId: string | null, reason: string): Promise<void> {
    await this.tx.db.report.updateMany({
      where: { id: reportId, status: { in: [ReportStatus.QUEUED, ReportStatus.RUNNING] }, ...(runId ? { runId } : {}) },
      data: { status: ReportStatus.FAILED, failureReason: reason, lastError: reason, runId: null, finishedAt: new Date() },
    });
  }

  /**
   * Reports RUNNING without a heartbeat since `cutoff`: their worker died and BullMQ did not bring the job back
   * (it stalled once too often, or Redis lost it). Those with attempts left go back to QUEUED, the others FAIL.
   */
  async releaseStuck(cutoff: Date, maxAttempts: number, reason: string): Promise<{ requeued: string[]; failed: string[] }> {
    const rows = await this.shared.db.$queryRaw<{ id: string; status: ReportStatus }[]>`
      UPDATE reports
         SET status = CASE WHEN attempts < ${maxAttempts} THEN 'QUEUED'::"ReportStatus" ELSE 'FAILED'::"ReportStatus" END,
             failure_reason = CASE WHEN attempts < ${maxAttempts} THEN NULL ELSE ${reason} END,
             last_error = ${reason}, run_id = NULL, progress = 0, updated_at = now(),
             finished_at = CASE WHEN attempts < ${maxAttempts} THEN NULL ELSE now() END
       WHERE status = 'RUNNING' AND heartbeat_at < ${cutoff}
      RETURNING id::text AS id, status`;
    return {
      requeued: rows.filter((r) => r.status === ReportStatus.QUEUED).map((r) => r.id),
      failed: rows.filter((r) => r.status === ReportStatus.FAILED).map((r) => r.id),
    };
  }

  /** Reports QUEUED since before `cutoff`: their job may be lost (Redis restarted, or the API could not add it). */
  async queuedSince(cutoff: Date): Promise<string[]> {
    const rows = await this.shared.db.report.findMany({
      where: { status: ReportStatus.QUEUED, updatedAt: { lt: cutoff } },
      select: { id: true },
      take: 1_000,
    });
    return rows.map((r) => r.id);
  }
}
