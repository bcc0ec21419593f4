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

/** A compiled Lectern program as a child process, with its output kept for assertions. */
class LecternProcess {
  private child: ChildProcess | undefined;
  readonly log: string[] = [];

  /** `env` must set LOG_LEVEL to info or lower: the start-up line `ready` is how `start` knows the program runs. */
  constructor(
    private readonly entry: string,
    private readonly ready: string,
    private readonly env: Record<string, string>,
  ) {}

  /** Resolves with the JSON log line that says the program runs. */
  protected async run(): Promise<Record<string, unknown>> {
    const child = spawn(process.execPath, [join(ROOT, 'dist', this.entry)], {
      cwd: ROOT,
      env: { HOST: '127.0.0.1', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    await waitUntil(
      () => {
        if (child.exitCode !== null) throw new Error(`${this.entry} exited with ${child.exitCode}:\n${this.log.join('')}`);
        return Promise.resolve(this.readyLine() !== undefined);
      },
      60_000,
      `${this.entry} to start`,
    );
    return JSON.parse(this.readyLine()!) as Record<string, unknown>;
  }

  /** The complete log line that says the program runs, once written. */
  private readyLine(): string | undefined {
    return this.log.join('').split('\n').slice(0, -1).find((line) => line.includes(this.ready));
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

/** `node dist/apps/worker/src/main.js`: its health and metrics on a free port unless `env` names one. */
export class WorkerProcess extends LecternProcess {
  /** Where its health and metrics answer, once started. */
  httpPort = 0;

  constructor(env: Record<string, string>) {
    super(join('apps', 'worker', 'src', 'main.js'), 'Lectern worker running', { WORKER_HTTP_PORT: '0', ...env });
  }

  async start(): Promise<void> {
    this.httpPort = Number((await this.run()).httpPort);
  }
}

/** `node dist/apps/api/src/main.js` on a free loopback port unless `env` names one. */
export class ApiProcess extends LecternProcess {
  /** Its base URL, once started. */
  url = '';

  constructor(env: Record<string, string>) {
    super(join('apps', 'api', 'src', 'main.js'), 'Lectern API listening', { PORT: '0', ...env });
  }

  async start(): Promise<void> {
    this.url = String((await this.run()).url).replace('[::1]', '127.0.0.1');
  }
}

/**
 * The environment of a worker process that a test kills: its database, Redis prefix and SMTP sink, and leases and
 * locks short enough that a worker started after the kill takes the dead one's messages over within seconds.
 */
export function killableWorkerEnv(
  env: { databaseUrl: string; redisPrefix: string },
  redisUrl: string,
  smtpPort: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: env.databaseUrl,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: env.redisPrefix,
    SMTP_PORT: String(smtpPort),
    MAIL_FROM: 'Lectern <no-reply@lectern.test>',
    SMTP_TIMEOUT_MS: '4000',
    NOTIFY_SEND_LEASE_SECONDS: '8',
    NOTIFY_RELAY_EVERY_MS: '100',
    NOTIFY_STALE_AFTER_SECONDS: '3',
    NOTIFY_JOB_LOCK_MS: '2000',
    MAINTENANCE_EVERY_SECONDS: '3600',
    ...extra,
  };
}
