import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '@lectern/project-root';
import { waitUntil } from './smtp-sink';

const ROOT = projectRoot();

/** Compiled files older than their source (or missing) under the folders the worker and its render thread run. */
function staleOutputs(): string[] {
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')) {
        const output = join(ROOT, 'dist', relative(ROOT, path)).replace(/\.ts$/, '.js');
        if (!existsSync(output) || statSync(output).mtimeMs < statSync(path).mtimeMs) stale.push(relative(ROOT, path));
      }
    }
  };
  for (const dir of ['apps', 'libs', 'reports']) walk(join(ROOT, dir));
  return stale;
}

/**
 * Tests that kill the worker run the compiled program, and the report worker renders in a thread running
 * dist/reports/render/render-thread.js. `npm test` builds first; while developing, dist/ is rebuilt here when a source is newer.
 */
export async function ensureBuilt(): Promise<void> {
  if (staleOutputs().length === 0) return;
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // not incremental: tsc leaves an output alone when its text would not change (a regenerated Prisma client), and
  // the old mtime would then look stale for ever
  await new Promise((resolve) =>
    execFile(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--incremental', 'false'], { cwd: ROOT }, resolve),
  );
  // the compiled output keeps the path aliases until tsc-alias rewrites them into relative paths
  const tscAlias = join(ROOT, 'node_modules', 'tsc-alias', 'dist', 'bin', 'index.js');
  await new Promise((resolve) => execFile(process.execPath, [tscAlias, '-p', 'tsconfig.build.json'], { cwd: ROOT }, resolve));
  const stillStale = staleOutputs();
  if (stillStale.length > 0) throw new Error(`dist/ is still older than ${stillStale.slice(0, 5).join(', ')}`);
}

/** `node dist/apps/worker/src/main.js` as a child process, with its output kept for assertions. */
export class WorkerProcess {
  private child: ChildProcess | undefined;
  readonly log: string[] = [];

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')], {
      cwd: ROOT,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    await waitUntil(
      () => {
        if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${this.log.join('')}`);
        return Promise.resolve(this.log.join('').includes('Lectern worker running'));
      },
      30_000,
      'the worker to start',
    );
  }

  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return Promise.resolve({ code: child?.exitCode ?? null, signal: child?.signalCode ?? null });
    }
    return new Promise((resolve) => {
      child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal }));
      child.kill(signal);
    });
  }
}

/** `node dist/apps/api/src/main.js` as a child process on a free loopback port: several APIs on one Redis. */
export class ApiProcess {
  private child: ChildProcess | undefined;
  readonly log: string[] = [];
  url = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
      cwd: ROOT,
      env: { ...this.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    await waitUntil(
      () => {
        if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${this.log.join('')}`);
        const listening = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(this.log.join(''));
        if (listening) this.url = listening[1];
        return Promise.resolve(listening !== null);
      },
      30_000,
      'the API to listen',
    );
  }

  stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
