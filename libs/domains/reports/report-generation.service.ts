import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { jobOptions } from '@lectern/queue/queue.contract';
import { ReportInputError, buildReport } from '@reports/build-report';
import { renderEditions, renderWebEditions, reportJson } from '@reports/produce-report';
import { ThreadRenderer } from '@reports/render/thread-renderer';
import { ReportEventNotFoundError } from '@reports/statistics/event';
import { StoredFile, ReportGenerationRepository } from './report-generation.repository';
import { ReportQueue } from './report.queue';

/** The report can never be produced from this request: retrying would fail the same way. */
export class PermanentReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentReportError';
  }
}

/** Another run took the report over (this one was taken for stalled): it stops without touching the report. */
class SupersededRun extends Error {}

export type GenerateResult = { outcome: 'succeeded' | 'superseded' | 'nothing-to-do' | 'gave-up'; attempts?: number };

/** How often a run proves it is alive, well inside REPORT_STUCK_AFTER_SECONDS (at least 15 s). */
const HEARTBEAT_MS = 5_000;
const MAX_REASON = 2_000;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, MAX_REASON);

@Injectable()
export class ReportGenerationService {
  private readonly logger = new Logger(ReportGenerationService.name);

  constructor(
    private readonly repository: ReportGenerationRepository,
    private readonly queue: ReportQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs allowed per report, crashed ones included; the same number BullMQ retries a failing job. */
  get maxAttempts(): number {
    return jobOptions('reports.generate', this.config).attempts ?? 1;
  }

  /**
   * One run: claim, statistics (one snapshot), the model, the PDFs in a worker thread, the web editions, then
   * everything stored at once. `lastAttempt` says whether a failure of this run ends the report (FAILED) or waits for BullMQ's retry.
   */
  async generate(reportId: string, lastAttempt: boolean): Promise<GenerateResult> {
    const runId = randomUUID();
    const claim = await this.repository.claim(reportId, runId);
    if (!claim) return { outcome: 'nothing-to-do' };
    if (claim.attempts > this.maxAttempts) {
      await this.repository.fail(reportId, runId, `gave up after ${this.maxAttempts} attempts`);
      return { outcome: 'gave-up', attempts: claim.attempts };
    }
    const heartbeat = setInterval(() => {
      this.repository.progress(reportId, runId).catch((error: Error) => this.logger.warn(`report ${reportId} heartbeat: ${error.message}`));
    }, HEARTBEAT_MS);
    let renderer: ThreadRenderer | undefined;
    try {
      const input = await this.repository.collect(claim.eventId, {
        privacyThreshold: claim.privacyThreshold,
        generatedAt: claim.generatedAt,
        statementTimeoutMs: this.config.reports.statementTimeoutMs,
      });
      const model = buildReport(input);
      const progress = async (percent: number) => {
        if (!(await this.repository.progress(reportId, runId, percent))) throw new SupersededRun();
      };
      await progress(40);
      renderer = new ThreadRenderer();
      const pdf = await renderEditions(model, { render: renderer.render, onProgress: progress });
      const html = renderWebEditions(model);
      const files: StoredFile[] = model.languages.map((language) => ({
        language,
        pdf: pdf[language],
        sha256: sha256(pdf[language]),
        html: html[language],
        htmlSha256: sha256(html[language]),
      }));
      const json = reportJson(model);
      const stored = await this.repository.store(reportId, runId, { json, jsonSha256: sha256(json), files });
      return { outcome: stored ? 'succeeded' : 'superseded', attempts: claim.attempts };
    } catch (error) {
      if (error instanceof SupersededRun) return { outcome: 'superseded', attempts: claim.attempts };
      const reason = reasonOf(error);
      if (error instanceof ReportInputError || error instanceof ReportEventNotFoundError) {
        await this.repository.fail(reportId, runId, reason);
        throw new PermanentReportError(reason);
      }
      if (lastAttempt || claim.attempts >= this.maxAttempts) await this.repository.fail(reportId, runId, reason);
      else await this.repository.retryLater(reportId, runId, reason);
      throw error;
    } finally {
      clearInterval(heartbeat);
      await renderer?.close();
    }
  }

  /**
   * The maintenance sweep's part: reports RUNNING without a heartbeat for REPORT_STUCK_AFTER_SECONDS go back to
   * QUEUED (or FAIL when out of attempts), and every report QUEUED for that long gets its job added again. Job
   * ids are the reports' own, so a job still live in Redis is not duplicated.
   */
  async sweepStuck(now: Date): Promise<{ reportsRequeued: number; reportsFailed: number }> {
    const cutoff = new Date(now.getTime() - this.config.reports.stuckAfterSeconds * 1000);
    const released = await this.repository.releaseStuck(cutoff, this.maxAttempts, 'the worker producing it stopped responding');
    const queued = await this.repository.queuedSince(cutoff);
    const ids = [...new Set([...released.requeued, ...queued])];
    await this.queue.enqueue(ids);
    return { reportsRequeued: ids.length, reportsFailed: released.failed.length };
  }
}
