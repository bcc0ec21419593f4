import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../libs/project-root';
import { query } from './support/databases';
import { TestApi, createEventWithOrganiser, logIn, signUp, startApi } from './support/harness';
import { SmtpSink, isolatedNotificationsEnvironment, waitUntil } from './support/smtp-sink';

const ROOT = projectRoot();
const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');

/** Compiled files older than their source (or missing): dist/ predates the sources being tested. */
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
  for (const dir of ['apps', 'libs']) walk(join(ROOT, dir));
  return stale;
}

/**
 * The worker runs as the real compiled program. CI builds before it tests (npm run setup); while developing,
 * dist/ is rebuilt here when a source is newer. tsc emits even when some other file has a type error, which
 * the type check reports on its own.
 */
async function ensureWorkerBuilt(): Promise<void> {
  if (staleOutputs().length === 0) return;
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await new Promise((resolve) => execFile(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT }, resolve));
  const stillStale = staleOutputs();
  if (stillStale.length > 0) throw new Error(`dist/ is still older than ${stillStale.slice(0, 5).join(', ')}`);
}

class WorkerProcess {
  private child: ChildProcess | undefined;
  readonly log: string[] = [];

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [WORKER_MAIN], { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => this.log.push(chunk.toString()));
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${this.log.join('')}`);
        return this.log.join('').includes('Lectern worker running');
      },
      30_000,
      'the worker to start',
    );
  }

  async stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null };
    return new Promise((resolve) => {
      child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal }));
      child.kill(signal);
    });
  }
}

describe('a worker killed mid-delivery', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let workerEnv: Record<string, string>;
  const workers: WorkerProcess[] = [];
  let stallsLeft = 0;

  beforeAll(async () => {
    await ensureWorkerBuilt();
    env = await isolatedNotificationsEnvironment('kill');
    sink = new SmtpSink({
      // the server reads the message and never answers: the client is stuck in DATA when it is killed
      data: () => {
        if (stallsLeft === 0) return null;
        stallsLeft -= 1;
        return 'stall';
      },
    });
    await sink.start();
    api = await startApi({ DATABASE_URL: env.databaseUrl, REDIS_PREFIX: env.redisPrefix });
    workerEnv = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: env.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: api.config.redis.url,
      REDIS_PREFIX: env.redisPrefix,
      SMTP_PORT: String(sink.port),
      MAIL_FROM: 'Lectern <no-reply@lectern.test>',
      SMTP_TIMEOUT_MS: '4000',
      NOTIFY_SEND_LEASE_SECONDS: '8',
      NOTIFY_RELAY_EVERY_MS: '100',
      NOTIFY_STALE_AFTER_SECONDS: '3',
      NOTIFY_JOB_LOCK_MS: '2000',
      MAINTENANCE_EVERY_SECONDS: '3600',
    };
  }, 300_000);
  afterAll(async () => {
    for (const worker of workers) await worker.stop('SIGKILL');
    await api?.close();
    await sink?.stop();
    await env?.drop();
  });

  const deliveries = () =>
    query<{ id: string; status: string; attempts: number; generation: number; recipient_email: string }>(
      env.databaseUrl,
      'SELECT id, status, attempts, generation, recipient_email FROM notification_deliveries ORDER BY created_at',
    );

  it('delivers each message exactly once after a SIGKILL during SMTP DATA and a restart', async () => {
    const first = new WorkerProcess(workerEnv);
    workers.push(first);
    await first.start();

    // the edition's own messages go out normally first: role for the organiser, "published" for two people
    const { slug } = await createEventWithOrganiser(api);
    await waitUntil(async () => {
      const rows = await deliveries();
      return rows.length === 3 && rows.every((r) => r.status === 'SENT');
    }, 20_000, 'the first three messages');
    expect(sink.received).toHaveLength(3);

    // a burst of six role grants; the first two messages of it hang in DATA
    stallsLeft = 2;
    const adminToken = await logIn(api.http, api.adminEmail);
    const people = await Promise.all([1, 2, 3, 4, 5, 6].map(() => signUp(api.http, 'kill')));
    const grants = await Promise.all(
      people.map((p) => api.http.post(`/v1/events/${slug}/roles`, { email: p.email, role: 'REVIEWER' }, { token: adminToken })),
    );
    expect(grants.map((g) => g.status)).toEqual([201, 201, 201, 201, 201, 201]);

    // kill it while exactly the two stalled messages are in flight, the other four already sent
    await waitUntil(async () => {
      const rows = await deliveries();
      return (
        rows.length === 9 &&
        rows.filter((r) => r.status === 'SENDING').length === 2 &&
        rows.filter((r) => r.status === 'SENT').length === 7 &&
        sink.dataStarted.length === 9
      );
    }, 20_000, 'two messages stuck in DATA');
    const killed = await first.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const stuck = (await deliveries()).filter((r) => r.status === 'SENDING');
    expect(stuck).toHaveLength(2);
    for (const row of stuck) expect(sink.to(row.recipient_email)).toHaveLength(0);

    const second = new WorkerProcess(workerEnv);
    workers.push(second);
    await second.start();
    await waitUntil(async () => (await deliveries()).every((r) => r.status === 'SENT'), 45_000, 'every delivery SENT');
    // long enough for any duplicate run to have shown up
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const rows = await deliveries();
    expect(rows).toHaveLength(9);
    expect(sink.received).toHaveLength(9);
    for (const row of rows) {
      const copies = sink.received.filter((m) => m.parsed.messageId === `<delivery-${row.id}-1@lectern.test>`);
      expect(copies, row.recipient_email).toHaveLength(1);
    }
    for (const row of stuck) expect(rows.find((r) => r.id === row.id)?.attempts).toBe(2);
    for (const person of people) expect(sink.to(person.email)).toHaveLength(1);

    // and SIGTERM lets the restarted worker shut down cleanly
    const stopped = await second.stop('SIGTERM');
    expect(stopped.code === 0 || stopped.signal === 'SIGTERM').toBe(true);
    expect(second.log.join('')).not.toMatch(/"level":(50|60)/);
  }, 120_000);
});
