import { Client } from 'pg';
import { WARM_UP_BACKEND } from '@lectern/database/warm-up';
import { buildReport } from '@reports/build-report';
import { renderHtml } from '@reports/render/render-html';
import { renderReport } from '@reports/render/render-report';
import { collectReportInput } from '@reports/statistics/collect-report-input';
import { BesideRunner, SqlRunner } from '@reports/statistics/sql';

/**
 * The work of one report job, alone in its own process so that its peak RSS is the job's and nothing else's:
 * `node dist/bench/reports.child.js <databaseUrl> <eventId> <runs>` prints one JSON line of timings.
 * The baseline runs here too, on the same connection, interleaved with the statistics so that both see the same
 * cache and the same load from whatever else the machine is doing. Both connections are warmed up as the worker's
 * are (PrismaService runs WARM_UP_BACKEND on each new connection), so the baseline and the statistics both run on
 * warm server processes; the parallel workers PostgreSQL starts for a statement are new processes either way.
 */
const BASELINE = `SELECT country, count(*) FROM registrations WHERE event_id = $1::uuid GROUP BY country`;

/** Warm renders per language: a single render moved by a factor of two with the load of a shared machine. */
const RENDERS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

export interface Rendering {
  firstMs: number;
  ms: number;
  cpuMs: number;
  runs: number[];
  bytes: number;
  pages: number;
}

/** One cold render, then RENDERS warm ones timed by wall clock and by this process's CPU time (medians). */
async function rendering(render: () => Promise<Buffer>, pagesOf: (output: Buffer) => number): Promise<Rendering> {
  const [output, firstMs] = await timed(render);
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RENDERS; run++) {
    const before = process.cpuUsage();
    runs.push((await timed(render))[1]);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  return { firstMs, ms: median(runs), cpuMs: median(cpu), runs, bytes: output.length, pages: pagesOf(output) };
}

async function main() {
  const [databaseUrl, eventId, runsArg] = process.argv.slice(2);
  const runs = Number(runsArg ?? 3);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  /** The report job's second connection: half of the registrations' scan runs there, in the same snapshot. */
  const other = new Client({ connectionString: databaseUrl });
  await other.connect();
  for (const client of [db, other]) await client.query(WARM_UP_BACKEND);
  /** Time per statement of the latest collection, to show where the statistics spend it. */
  let statements: { sql: string; ms: number }[] = [];
  const runner =
    (client: Client): SqlRunner =>
    async <T,>(text: string, values: unknown[] = []) => {
      const [result, ms] = await timed(() => client.query(text, values));
      statements.push({ sql: text.replace(/\s+/g, ' ').trim().slice(0, 70), ms });
      return result.rows as T[];
    };
  const sql = runner(db);
  const beside: BesideRunner = async (work) => {
    await other.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await work(runner(other));
    } finally {
      await other.query('COMMIT');
    }
  };
  const generatedAt = new Date('2019-07-15T08:00:00Z');
  /** As the worker runs it: one REPEATABLE READ snapshot, shared with the second connection. */
  const collect = async () => {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await collectReportInput(sql, eventId, { privacyThreshold: 5, generatedAt, beside });
    } finally {
      await db.query('COMMIT');
    }
  };

  // warm-up: both read the table once into the cache before anything is timed
  await db.query(BASELINE, [eventId]);
  await collect();
  const baseline: number[] = [];
  const statistics: number[] = [];
  let input: Awaited<ReturnType<typeof collect>> | undefined;
  for (let run = 0; run < runs; run++) {
    baseline.push((await timed(() => db.query(BASELINE, [eventId])))[1]);
    statements = [];
    const [collected, ms] = await timed(collect);
    statistics.push(ms);
    input = collected;
  }
  await db.end();
  await other.end();

  const [model, buildMs] = await timed(() => Promise.resolve(buildReport(input!)));
  // Each language of the edition, as the report job renders them: the PDF once cold (the first render needing a font
  // parses it, as the first render of every report job's thread does) and then RENDERS times warm, one language
  // after the other; then the web edition likewise. Rendering is synchronous work on this thread, so its CPU time is
  // measured too: on a shared machine the wall time also counts the time other processes held the cores.
  const renders: Record<string, Rendering> = {};
  const html: Record<string, Rendering> = {};
  for (const language of model.languages) {
    renders[language] = await rendering(() => renderReport(model, language), (pdf) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length);
  }
  for (const language of model.languages) html[language] = await rendering(() => Promise.resolve(Buffer.from(renderHtml(model, language))), () => 1);
  process.stdout.write(
    `${JSON.stringify({
      baselineMs: median(baseline),
      statisticsMs: median(statistics),
      baselineRuns: baseline,
      statisticsRuns: statistics,
      statementCount: statements.length,
      warmConnections: true,
      slowestStatements: [...statements].sort((a, b) => b.ms - a.ms).slice(0, 4),
      buildMs,
      renders,
      html,
      earlierEditions: model.yearOverYear.filter((row) => !row.current).length,
      registrations: model.headline.registrations,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
