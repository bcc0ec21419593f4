import { Agent, get } from 'node:http';
import pino from 'pino';
import { createApiApp } from '@api/app.factory';
import { loadConfig } from '@lectern/config/config';
import { PrismaService } from '@lectern/database/prisma.service';
import { BenchEnv, BenchGoal, BenchRow, goal } from './bench.types';
import { latencySummary } from './support';

const PAGE_SIZES = [50, 200];
/** Timed walks per page size, after one untimed warm-up walk. */
const WALKS = 10;

/** One page fetched: how long it took, its rows, and whether it was the walk's last. */
export interface PageStep {
  ms: number;
  rows: number;
  last: boolean;
}

/** A walk through a list from its first page: each call fetches the next page. */
export type Walker = () => Promise<PageStep>;

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
  /** A new walk of the baseline through the whole list. */
  baselineWalker(pageSize: number): Walker;
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

/** A walk through the list over HTTP on `agent`'s connection; `seen` gets each page's items. */
function apiWalker(url: string, agent: Agent, token: string, pageSize: number, seen?: (items: Record<string, unknown>[]) => void): Walker {
  let cursor: string | null = null;
  return async () => {
    const started = process.hrtime.bigint();
    const response = await getJson(new URL(`${url}?limit=${pageSize}${cursor ? `&cursor=${cursor}` : ''}`), agent, token);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200) throw new Error(`list failed: ${response.status} ${JSON.stringify(response.body)}`);
    const page = response.body as { items: Record<string, unknown>[]; nextCursor: string | null };
    seen?.(page.items);
    cursor = page.nextCursor;
    return { ms, rows: page.items.length, last: cursor === null };
  };
}

/** Walks to the end, reading the API's statement counter around each page. */
async function walk(next: Walker, statements: () => number) {
  const perPage: number[] = [];
  let rows = 0;
  for (;;) {
    const before = statements();
    const step = await next();
    perPage.push(statements() - before);
    rows += step.rows;
    if (step.last) return { rows, perPage };
  }
}

/**
 * Walks both sides through the list in turns, page by page (one page of the API's walk, one of the baseline's, the
 * side that goes first alternating from page to page), so that a moment when the shared machine is slow falls on
 * both alike. With whole walks in turns instead (even twenty of each), the organiser list's p99 ratio came out
 * anywhere between 1.19 and 2.13 in seventeen runs of the same code, the raw side's p99 alone between 3.6 and 7.0 ms.
 */
async function walkInTurns(sides: [Walker, Walker], firstSide: number) {
  const latencies: [number[], number[]] = [[], []];
  const rows = [0, 0];
  const done = [false, false];
  for (let page = 0; !done[0] || !done[1]; page += 1) {
    const order = (page + firstSide) % 2 === 0 ? [0, 1] : [1, 0];
    for (const side of order) {
      if (done[side]) continue;
      const step = await sides[side]();
      latencies[side].push(step.ms);
      rows[side] += step.rows;
      done[side] = step.last;
    }
  }
  return { latencies, rows };
}

/**
 * Walks the list in pages of 50 and of 200 on the real API process, taking turns with the baseline page by page
 * (walkInTurns), then closes that process and counts statements per page on an in-process instance of the same application
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
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const apiSide = (size: number) => apiWalker(api.url + list.path, agent, list.token, size);
  try {
    for (const size of PAGE_SIZES) {
      env.log(`${list.name}: ${WALKS} walks through ${list.what} in pages of ${size}, API and raw pg taking turns page by page`);
      await walkInTurns([apiSide(size), list.baselineWalker(size)], 0);
      const apiLatencies: number[] = [];
      const baseLatencies: number[] = [];
      let apiRows = 0;
      let baseRows = 0;
      for (let round = 0; round < WALKS; round += 1) {
        const { latencies, rows: walked } = await walkInTurns([apiSide(size), list.baselineWalker(size)], round % 2);
        apiLatencies.push(...latencies[0]);
        baseLatencies.push(...latencies[1]);
        [apiRows, baseRows] = walked;
      }
      const a = latencySummary(apiLatencies);
      const b = latencySummary(baseLatencies);
      rows.push({ label: `API, pages of ${size}`, 'rows/walk': apiRows, pages: a.pages, 'p50 ms': a.p50, 'p99 ms': a.p99, 'max ms': a.max });
      rows.push({ label: `${list.baseline}, pages of ${size}`, 'rows/walk': baseRows, pages: b.pages, 'p50 ms': b.p50, 'p99 ms': b.p99, 'max ms': b.max });
      if (size === 50 && list.goals.p50 !== undefined) goals.push(goal(`${list.name} list, pages of 50: API / raw p50`, a.p50 / b.p50, '<=', list.goals.p50));
      if (size === 50 && list.goals.p99 !== undefined) goals.push(goal(`${list.name} list, pages of 50: API / raw p99`, a.p99 / b.p99, '<=', list.goals.p99));
      ratios.push(`pages of ${size}: API / raw pg p50 = ${(a.p50 / b.p50).toFixed(2)}, p99 = ${(a.p99 / b.p99).toFixed(2)} (${a.p99} ms vs ${b.p99} ms)`);
    }
  } finally {
    agent.destroy();
  }
  await api.close();

  env.log(`${list.name}: counting statements per page on an in-process instance`);
  const app = await createApiApp(loadConfig({ ...env.childEnv, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const counter = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const prisma = app.get(PrismaService);
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    for (const size of PAGE_SIZES) {
      let matched = 0;
      const count = list.counted;
      const seen = count && ((items: Record<string, unknown>[]) => {
        matched += items.filter(count.test).length;
      });
      const counted = await walk(apiWalker(url + list.path, counter, list.token, size, seen), () => prisma.statementCount);
      const distinct = [...new Set(counted.perPage)].sort((x, y) => x - y);
      rows.push({ label: `statements per page of ${size}`, 'rows/walk': counted.rows, pages: counted.perPage.length, 'p50 ms': '', 'p99 ms': '', 'max ms': '', statements: distinct.join(', ') });
      const extra = count ? `, ${matched} of ${counted.rows} ${count.label}` : '';
      ratios.push(`pages of ${size}: ${distinct.join(' or ')} SQL statements per page ${list.statements} over ${counted.perPage.length} pages${extra}`);
    }
  } finally {
    counter.destroy();
    await app.close();
  }
  return { rows, ratios, goals };
}
