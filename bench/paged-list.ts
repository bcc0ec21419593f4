import { Agent, get } from 'node:http';
import pino from 'pino';
import { createApiApp } from '@api/app.factory';
import { loadConfig } from '@lectern/config/config';
import { PrismaService } from '@lectern/database/prisma.service';
import { BenchEnv, BenchGoal, BenchRow, goal } from './bench.types';
import { latencySummary } from './support';

const PAGE_SIZES = [50, 200];
/** Timed walks per page size and side, after one untimed warm-up walk of each. */
const WALKS = 3;

export interface Walk {
  latencies: number[];
  rows: number;
}

/** One keyset list measured through the API next to its raw `pg` baseline (see measurePagedList). */
export interface PagedList {
  /** Prefix of the progress lines, e.g. "cfp". */
  name: string;
  /** What the walk is, for the progress lines, e.g. "the list". */
  what: string;
  /** The list's path on the API, e.g. /v1/events/{slug}/submissions. */
  path: string;
  token: string;
  /** The baseline's row label, e.g. "raw pg keyset query". */
  baseline: string;
  walkBaseline(pageSize: number): Promise<Walk>;
  /** What the statement count stands for, e.g. "(token, event + role, page)". */
  statements: string;
  /** Items to count out of every walked row, with what they are, e.g. scored reviews. */
  counted?: { label: string; test: (item: Record<string, unknown>) => boolean };
  /** Goals for pages of 50: API / baseline latency at p50 and p99 (issue 19). */
  goals: { p50?: number; p99?: number };
}

/**
 * One GET on a kept-alive connection, its body parsed as JSON. node:http rather than fetch: against a bare Fastify
 * route serving the same 22 KB page from memory, fetch took about 1.0 ms a page and node:http 0.5, and that time
 * is the client's, not the API's; the baseline's client (pg) has no such layer.
 */
function getJson(url: URL, agent: Agent, token: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** Pages through a list over HTTP; `statements` (when given) reads the API's statement counter around each page. */
async function walkApi(url: string, token: string, pageSize: number, statements?: () => number, counted?: PagedList['counted']) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const perPage: number[] = [];
  let cursor: string | null = null;
  let rows = 0;
  let matched = 0;
  try {
    do {
      const before = statements?.() ?? 0;
      const started = process.hrtime.bigint();
      const response = await getJson(new URL(`${url}?limit=${pageSize}${cursor ? `&cursor=${cursor}` : ''}`), agent, token);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (statements) perPage.push(statements() - before);
      if (response.status !== 200) throw new Error(`list failed: ${response.status} ${JSON.stringify(response.body)}`);
      const page = response.body as { items: Record<string, unknown>[]; nextCursor: string | null };
      rows += page.items.length;
      if (counted) matched += page.items.filter(counted.test).length;
      cursor = page.nextCursor;
    } while (cursor);
  } finally {
    agent.destroy();
  }
  return { latencies, rows, matched, perPage };
}

/**
 * Walks the list page by page in pages of 50 and of 200 on the real API process, alternating with the baseline in
 * the same run, then closes that process and counts statements per page on an in-process instance of the same application
 * (PrismaService.statementCount), since the API process's counter is not reachable.
 */
export async function measurePagedList(
  env: BenchEnv,
  api: { url: string; close(): Promise<void> },
  list: PagedList,
): Promise<{ rows: BenchRow[]; ratios: string[]; goals: BenchGoal[] }> {
  const rows: BenchRow[] = [];
  const ratios: string[] = [];
  const goals: BenchGoal[] = [];
  for (const size of PAGE_SIZES) {
    env.log(`${list.name}: ${WALKS} walks through ${list.what} in pages of ${size}, API then raw pg`);
    await walkApi(api.url + list.path, list.token, size);
    await list.walkBaseline(size);
    const apiLatencies: number[] = [];
    const baseLatencies: number[] = [];
    let apiRows = 0;
    let baseRows = 0;
    for (let walk = 0; walk < WALKS; walk += 1) {
      const fromApi = await walkApi(api.url + list.path, list.token, size);
      const fromPg = await list.walkBaseline(size);
      apiLatencies.push(...fromApi.latencies);
      baseLatencies.push(...fromPg.latencies);
      apiRows = fromApi.rows;
      baseRows = fromPg.rows;
    }
    const a = latencySummary(apiLatencies);
    const b = latencySummary(baseLatencies);
    rows.push({ label: `API, pages of ${size}`, 'rows/walk': apiRows, pages: a.pages, 'p50 ms': a.p50, 'p99 ms': a.p99, 'max ms': a.max });
    rows.push({ label: `${list.baseline}, pages of ${size}`, 'rows/walk': baseRows, pages: b.pages, 'p50 ms': b.p50, 'p99 ms': b.p99, 'max ms': b.max });
    if (size === 50 && list.goals.p50 !== undefined) goals.push(goal(`${list.name} list, pages of 50: API / raw p50`, a.p50 / b.p50, '<=', list.goals.p50));
    if (size === 50 && list.goals.p99 !== undefined) goals.push(goal(`${list.name} list, pages of 50: API / raw p99`, a.p99 / b.p99, '<=', list.goals.p99));
    ratios.push(`pages of ${size}: API / raw pg p50 = ${(a.p50 / b.p50).toFixed(2)}, p99 = ${(a.p99 / b.p99).toFixed(2)} (${a.p99} ms vs ${b.p99} ms)`);
  }
  await api.close();

  env.log(`${list.name}: counting statements per page on an in-process instance`);
  const app = await createApiApp(loadConfig({ ...env.childEnv, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const prisma = app.get(PrismaService);
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    for (const size of PAGE_SIZES) {
      const counted = await walkApi(url + list.path, list.token, size, () => prisma.statementCount, list.counted);
      const distinct = [...new Set(counted.perPage)].sort((x, y) => x - y);
      rows.push({ label: `statements per page of ${size}`, 'rows/walk': counted.rows, pages: counted.perPage.length, 'p50 ms': '', 'p99 ms': '', 'max ms': '', statements: distinct.join(', ') });
      const extra = list.counted ? `, ${counted.matched} of ${counted.rows} ${list.counted.label}` : '';
      ratios.push(`pages of ${size}: ${distinct.join(' or ')} SQL statements per page ${list.statements} over ${counted.perPage.length} pages${extra}`);
    }
  } finally {
    await app.close();
  }
  return { rows, ratios, goals };
}
