import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { SMTPServer } from 'smtp-server';
import { projectRoot } from '@lectern/project-root';
import { childEnvironment } from '@lectern/config/config';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

/** Runs a compiled entry point of dist/ as its own process, so the load generator never shares its event loop. */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  readyPath: string,
): Promise<{ url: string; child: ChildProcess; close(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(projectRoot(), 'dist', script)], {
    env: childEnvironment({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url + readyPath);
  return {
    url,
    child,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** autocannon with a short warm-up that is not counted. */
export async function load(options: autocannon.Options & { warmupSeconds?: number }): Promise<LoadResult> {
  if (options.warmupSeconds) await autocannon({ ...options, duration: options.warmupSeconds });
  const result = await autocannon(options);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * One result for a target's rounds of load taken in turns with another's: requests per second averaged, latencies
 * the median round's, failures summed.
 */
export function combineRounds(rounds: LoadResult[]): LoadResult {
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  return {
    requestsPerSecond: Math.round(rounds.reduce((sum, r) => sum + r.requestsPerSecond, 0) / rounds.length),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  };
}

/** Set-up calls read at most an id from what they create; those that need more say what they expect. */
export type ApiCall = <T = { id: string }>(method: string, path: string, body: unknown, token?: string) => Promise<T>;

/** A JSON caller for set-up requests against a bench API; any non-2xx stops the bench with the response. */
export function apiCaller(url: string, defaultToken: string): ApiCall {
  return async <T>(method: string, path: string, body: unknown, token = defaultToken): Promise<T> => {
    const response = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

export const BENCH_TRACKS = ['ai', 'networking', 'observability', 'runtime', 'security', 'storage', 'platform', 'community'];

/** A published edition with an open CFP and eight tracks, created through the API as the bench administrator. */
export async function createCfpEvent(call: ApiCall, label: string, stamp: string) {
  const slug = `bench-${label}-${stamp}`;
  await call('POST', '/v1/series', { slug: `bench-${label}-series-${stamp}`, name: { en: 'Bench series' } });
  const event = await call('POST', '/v1/events', {
    seriesSlug: `bench-${label}-series-${stamp}`, slug, name: { en: `Bench ${label}` }, city: { en: 'Shanghai' }, country: 'CN',
    timezone: 'Asia/Shanghai', startsAt: '2030-06-24T01:00:00Z', endsAt: '2030-06-26T10:00:00Z', format: 'IN_PERSON',
  });
  await call('PATCH', `/v1/events/${slug}`, { status: 'PUBLISHED' });
  await call('PUT', `/v1/events/${slug}/cfp`, { opensAt: '2030-01-01T00:00:00', closesAt: '2030-03-01T23:59:59', maxSubmissionsPerSpeaker: 3 });
  for (const track of BENCH_TRACKS) await call('POST', `/v1/events/${slug}/cfp/tracks`, { slug: track, name: { en: track } });
  return { slug, eventId: event.id };
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/** p50, p99 and max of page latencies in milliseconds, to a tenth. */
export function latencySummary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { pages: sorted.length, p50: tenths(percentile(sorted, 50)), p99: tenths(percentile(sorted, 99)), max: tenths(sorted[sorted.length - 1] ?? 0) };
}

/** An SMTP server on loopback that accepts every message and counts them (the e-mail benches' delivery sink). */
export async function startSmtpSink() {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      stream.resume();
      stream.on('end', () => {
        count += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    count: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The compiled worker as a process of its own; stop() ends it with SIGTERM and waits for its exit. */
export function startWorker(env: Record<string, string>): { child: ChildProcess; stop(): Promise<void> } {
  const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'apps/worker/src/main.js')], {
    env: childEnvironment(env),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 100) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
