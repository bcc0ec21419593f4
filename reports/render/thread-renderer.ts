import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Language } from '@lectern/i18n/i18n';
import { projectRoot } from '@lectern/project-root';
import { TransparencyReport } from '@reports/report.model';
import { RenderReply, RenderRequest } from './render-thread';

/** The compiled thread entry; `npm run build` (part of `npm test` and `npm run setup`) produces it. */
export function renderThreadScript(): string {
  return join(projectRoot(), 'dist', 'reports', 'render', 'render-thread.js');
}

/**
 * One worker thread that renders report editions one after the other, so the font is parsed once per report and
 * the calling thread stays free. A thread that dies fails every render it was given; close() ends it.
 */
export class ThreadRenderer {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | undefined;

  constructor(script = renderThreadScript()) {
    if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" first`);
    this.worker = new Worker(script);
    this.worker.on('message', (reply: RenderReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`rendering failed: ${reply.error}`));
      else waiting.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the rendering thread exited with code ${code}`)));
  }

  render = (report: TransparencyReport, language: Language): Promise<Buffer> => {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, report, language } satisfies RenderRequest);
    });
  };

  async close(): Promise<void> {
    this.failure ??= new Error('the rendering thread was closed');
    await this.worker.terminate();
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
