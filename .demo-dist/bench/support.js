"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.freePort = freePort;
exports.startProcess = startProcess;
exports.load = load;
const node_child_process_1 = require("node:child_process");
const node_net_1 = require("node:net");
const node_path_1 = require("node:path");
const autocannon_1 = __importDefault(require("autocannon"));
const project_root_1 = require("../libs/project-root");
async function freePort() {
    return new Promise((resolve, reject) => {
        const server = (0, node_net_1.createServer)();
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}
async function waitFor(url, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        try {
            if ((await fetch(url)).ok)
                return;
        }
        catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}
/** Runs a compiled entry point of dist/ as its own process, so the load generator never shares its event loop. */
async function startProcess(script, env, readyPath) {
    const port = await freePort();
    const child = (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)((0, project_root_1.projectRoot)(), 'dist', script)], {
        env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(url + readyPath);
    return {
        url,
        child,
        close: () => new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null)
                return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
        }),
    };
}
/** autocannon with a short warm-up that is not counted. */
async function load(options) {
    if (options.warmupSeconds)
        await (0, autocannon_1.default)({ ...options, duration: options.warmupSeconds });
    const result = await (0, autocannon_1.default)(options);
    return {
        requestsPerSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
    };
}
//# sourceMappingURL=support.js.map