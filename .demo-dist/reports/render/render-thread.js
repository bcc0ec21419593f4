"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_worker_threads_1 = require("node:worker_threads");
const render_report_1 = require("./render-report");
if (!node_worker_threads_1.parentPort)
    throw new Error('render-thread.js runs as a worker thread only');
const port = node_worker_threads_1.parentPort;
port.on('message', (request) => {
    (0, render_report_1.renderReport)(request.report, request.language).then((pdf) => port.postMessage({ id: request.id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) }), (error) => port.postMessage({ id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) }));
});
//# sourceMappingURL=render-thread.js.map