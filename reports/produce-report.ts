import { Language } from '@lectern/i18n/i18n';
import { buildReport } from './build-report';
import { TransparencyReport } from './report.model';
import { renderHtml } from './render/render-html';
import { renderReport } from './render/render-report';
import { collectReportInput } from './statistics/collect-report-input';
import { SqlRunner } from './statistics/sql';

/** Renders one language edition; the worker passes one that runs in a worker thread. */
export type ReportRenderer = (report: TransparencyReport, language: Language) => Promise<Buffer>;

export interface ProduceOptions {
  generatedAt: Date;
  privacyThreshold: number;
  /** Default: PDFKit on the calling thread (fine for the demo and tests; a job worker must not block its loop). */
  render?: ReportRenderer;
  /** Called after each step with the share of the work done so far (0 to 100); the step is 'statistics' or the language just rendered. */
  onProgress?: (percent: number, step: string) => void | Promise<void>;
}

export interface ProducedReport {
  model: TransparencyReport;
  /** The machine-readable report exactly as stored and served. */
  json: string;
  pdf: Record<Language, Buffer>;
  /** The web edition of each language: one self-contained HTML page. */
  html: Record<Language, string>;
}

/**
 * The whole report for one edition: statistics from the database (aggregates only), the model with its privacy
 * threshold, its JSON, and the PDF and the web edition in each language. Throws ReportEventNotFoundError when the
 * edition is gone and ReportInputError when the figures contradict each other; both mean that retrying cannot help.
 */
export async function produceReport(sql: SqlRunner, eventId: string, options: ProduceOptions): Promise<ProducedReport> {
  const input = await collectReportInput(sql, eventId, { privacyThreshold: options.privacyThreshold, generatedAt: options.generatedAt });
  const model = buildReport(input);
  await options.onProgress?.(40, 'statistics');
  const pdf = await renderEditions(model, options);
  return { model, json: reportJson(model), pdf, html: renderWebEditions(model) };
}

/** One edition per language of the series, one after the other (progress from 40 to 90, evenly per language). */
export async function renderEditions(
  model: TransparencyReport,
  options: Pick<ProduceOptions, 'render' | 'onProgress'> = {},
): Promise<Record<Language, Buffer>> {
  const render = options.render ?? renderReport;
  const pdf = {} as Record<Language, Buffer>;
  for (const [index, language] of model.languages.entries()) {
    pdf[language] = await render(model, language);
    await options.onProgress?.(40 + Math.round((50 * (index + 1)) / model.languages.length), language);
  }
  return pdf;
}

/**
 * The web edition of each language of the series. String building over the model's aggregates (under 0.1 s per
 * edition on the test fixtures, next to seconds of PDFKit typesetting), so it runs on the calling thread.
 */
export function renderWebEditions(model: TransparencyReport): Record<Language, string> {
  return Object.fromEntries(model.languages.map((language) => [language, renderHtml(model, language)]));
}

/** The machine-readable report as stored and served: indented, so people can read it too. */
export function reportJson(model: TransparencyReport): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
