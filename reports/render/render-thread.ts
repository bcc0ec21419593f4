import { parentPort } from 'node:worker_threads';
import { Language } from '@lectern/i18n/i18n';
import { TransparencyReport } from '@reports/report.model';
import { renderReport } from './render-report';

/**
 * The entry point of a rendering worker thread (compiled to dist/reports/render/render-thread.js). PDFKit is
 * synchronous CPU work: here it blocks this thread only, so the job's process keeps renewing its BullMQ lock.
 */
export interface RenderRequest {
  id: number;
  report: TransparencyReport;
  language: Language;
}

export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

if (!parentPort) throw new Error('render-thread.js runs as a worker thread only');
const port = parentPort;
port.on('message', (request: RenderRequest) => {
  renderReport(request.report, request.language).then(
    (pdf) => port.postMessage({ id: request.id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) } satisfies RenderReply),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies RenderReply),
  );
});
