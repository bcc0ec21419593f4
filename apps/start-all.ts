import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm start`: the API and the worker side by side for development. Signals are passed on to both; when one
 * exits, the other is stopped too, so a crash is never hidden behind a half-running system.
 */
const children: ChildProcess[] = ['api', 'worker'].map((app) =>
  spawn(process.execPath, [join(__dirname, app, 'src', 'main.js')], { stdio: 'inherit' }),
);

let stopping = false;
function stopAll(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal));
for (const child of children) {
  child.on('exit', (code) => {
    stopAll('SIGTERM');
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(code ?? 0);
  });
}
