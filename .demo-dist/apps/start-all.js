"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
/**
 * `npm start`: the API and the worker side by side for development. Signals are passed on to both; when one
 * exits, the other is stopped too, so a crash is never hidden behind a half-running system.
 */
const children = ['api', 'worker'].map((app) => (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)(__dirname, app, 'src', 'main.js')], { stdio: 'inherit' }));
let stopping = false;
function stopAll(signal) {
    if (stopping)
        return;
    stopping = true;
    for (const child of children)
        if (child.exitCode === null)
            child.kill(signal);
}
for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => stopAll(signal));
for (const child of children) {
    child.on('exit', (code) => {
        stopAll('SIGTERM');
        if (children.every((c) => c.exitCode !== null || c.signalCode !== null))
            process.exit(code ?? 0);
    });
}
//# sourceMappingURL=start-all.js.map