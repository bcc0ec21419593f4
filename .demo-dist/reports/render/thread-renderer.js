"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ThreadRenderer = void 0;
exports.renderThreadScript = renderThreadScript;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_worker_threads_1 = require("node:worker_threads");
const project_root_1 = require("../../libs/project-root");
/** The compiled thread entry; `npm run build` (part of `npm test` and `npm run setup`) produces it. */
function renderThreadScript() {
    return (0, node_path_1.join)((0, project_root_1.projectRoot)(), 'dist', 'reports', 'render', 'render-thread.js');
}
/**
 * One worker thread that renders report editions one after the other, so the font is parsed once per report and
 * the calling thread stays free. A thread that dies fails every render it was given; close() ends it.
 */
class ThreadRenderer {
    worker;
    pending = new Map();
    nextId = 1;
    failure;
    constructor(script = renderThreadScript()) {
        if (!(0, node_fs_1.existsSync)(script))
            throw new Error(`${script} is missing: run "npm run build" first`);
        this.worker = new node_worker_threads_1.Worker(script);
        this.worker.on('message', (reply) => {
            const waiting = this.pending.get(reply.id);
            if (!waiting)
                return;
            this.pending.delete(reply.id);
            if ('error' in reply)
                waiting.reject(new Error(`rendering failed: ${reply.error}`));
            else
                waiting.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
        });
        this.worker.on('error', (error) => this.fail(error));
        this.worker.on('exit', (code) => this.fail(new Error(`the rendering thread exited with code ${code}`)));
    }
    render = (report, language) => {
        if (this.failure)
            return Promise.reject(this.failure);
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.worker.postMessage({ id, report, language });
        });
    };
    async close() {
        this.failure ??= new Error('the rendering thread was closed');
        await this.worker.terminate();
    }
    fail(error) {
        this.failure ??= error;
        for (const waiting of this.pending.values())
            waiting.reject(error);
        this.pending.clear();
    }
}
exports.ThreadRenderer = ThreadRenderer;
//# sourceMappingURL=thread-renderer.js.map