import { readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BenchRow, BenchScenario, goal } from './bench.types';
import { apiCaller, load } from './support';

const ROWS = 100_000;
const CONCURRENT_EXPORTS = 8;

/** Peak resident set of a process so far (VmHWM), in MB. */
const peakRssMb = (pid: number) => Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

/** Lines of a response or stream, counted as they pass (also into `tally`, which several may share); nothing is kept. */
function counter(tally = { lines: 0 }) {
  let lines = 0;
  return {
    sink: new Writable({
      write(chunk: Buffer, _encoding, done) {
        let found = 0;
        // native search, so that counting costs the load generator little CPU beside autocannon
        for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) found++;
        lines += found;
        tally.lines += found;
        done();
      },
    }),
    lines: () => lines,
  };
}

/**
 * The API's event-loop delay since the last call, from its Prometheus metrics (prom-client's monitorEventLoopDelay,
 * reset on every scrape), in ms beyond its 10 ms sampling interval: how long a request that is ready waits for the
 * loop, whatever the machine's load does to the latency autocannon sees.
 */
async function eventLoopDelay(url: string) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^lectern_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  const beyond = (seconds: number) => Math.max(0, Math.round((seconds * 1000 - 10) * 10) / 10);
  return { p50: beyond(read('p50')), p99: beyond(read('p99')), max: beyond(read('max')) };
}

async function exportOnce(url: string, slug: string, token: string, tally?: { lines: number }) {
  const started = performance.now();
  const response = await fetch(`${url}/v1/events/${slug}/registrations/export.csv`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok || !response.body) throw new Error(`export: ${response.status} ${await response.text()}`);
  const count = counter(tally);
  await pipeline(response.body, count.sink);
  return { lines: count.lines(), seconds: (performance.now() - started) / 1000 };
}

/**
 * 100,000 registrations as CSV through the API (cursor on the export pool, escaping in JavaScript) next to
 * `COPY (SELECT …) TO STDOUT WITH CSV` of the same rows; then the p99 of a cheap read alone and while 8 exports run.
 */
export const scenario: BenchScenario = async (env) => {
  const api = await env.startApi();
  try {
    const token = await env.adminToken(api.url);
    const call = apiCaller(api.url, token);
    const stamp = Date.now().toString(36);
    const slug = `bench-exports-${stamp}`;
    await call('POST', '/v1/series', { slug: `${slug}-series`, name: { en: 'Bench series' } });
    await call('POST', '/v1/events', {
      seriesSlug: `${slug}-series`, slug, name: { en: 'Bench exports' }, city: { en: 'Shanghai' }, country: 'CN', timezone: 'Asia/Shanghai',
      startsAt: '2030-06-24T01:00:00Z', endsAt: '2030-06-26T10:00:00Z', format: 'IN_PERSON',
    });
    await call('PATCH', `/v1/events/${slug}`, { status: 'PUBLISHED' });
    env.log(`exports: inserting ${ROWS} registrations`);
    const db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    // the seat-check trigger would run once per row; these rows are for reading
    await db.query('SET session_replication_role = replica');
    await db.query(
      `WITH t AS (INSERT INTO ticket_types (id, event_id, name, category, attendance, updated_at)
                  SELECT gen_random_uuid(), e.id, '{"en": "Individual"}'::jsonb, 'INDIVIDUAL', 'IN_PERSON', now() FROM events e WHERE e.slug = $1 RETURNING id, event_id),
            u AS (INSERT INTO users (id, email, password_hash, name, updated_at)
                  SELECT gen_random_uuid(), 'export-${stamp}-' || g || '@bench.lectern', 'x', 'Person ' || g, now() FROM generate_series(1, $2::int) g
                  RETURNING id, email)
       INSERT INTO registrations (id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency, badge_token, confirmed_at, updated_at)
       SELECT gen_random_uuid(), t.event_id, u.id, t.id, 'CONFIRMED', 'Attendee ' || u.email, u.email, 25000, 'USD', 'b-' || u.id, now(), now()
         FROM u CROSS JOIN t`,
      [slug, ROWS],
    );
    await db.query('RESET session_replication_role');
    await db.query('ANALYZE registrations');

    await exportOnce(api.url, slug, token);
    const rssBefore = peakRssMb(api.pid);
    const viaApi = await exportOnce(api.url, slug, token);
    const rssAfter = peakRssMb(api.pid);
    if (viaApi.lines !== ROWS + 1) throw new Error(`export sent ${viaApi.lines} lines`);
    env.log(`exports: one through the API in ${viaApi.seconds.toFixed(2)} s`);

    const copyStarted = performance.now();
    const copied = counter();
    await pipeline(
      db.query(copyTo(`COPY (SELECT r.id, r.state, r.attendee_name, r.attendee_email, t.name, t.category, t.attendance, r.price_cents, r.currency,
                                    r.paid_at, r.confirmed_at, r.cancelled_at, r.cancel_reason,
                                    (SELECT count(*) FROM check_ins c WHERE c.registration_id = r.id), r.created_at
                               FROM registrations r JOIN ticket_types t ON t.id = r.ticket_type_id
                              WHERE r.event_id = (SELECT id FROM events WHERE slug = '${slug}') ORDER BY r.created_at, r.id) TO STDOUT WITH CSV`)),
      copied.sink,
    );
    const copySeconds = (performance.now() - copyStarted) / 1000;
    await db.end();
    if (copied.lines() !== ROWS) throw new Error(`COPY sent ${copied.lines()} lines`);
    env.log(`exports: COPY in ${copySeconds.toFixed(2)} s`);

    const read = { url: `${api.url}/v1/events/${slug}`, connections: 4, duration: 10, warmupSeconds: 2 };
    await load({ ...read, duration: read.warmupSeconds });
    await eventLoopDelay(api.url);
    const alone = await load({ ...read, warmupSeconds: 0 });
    const loopAlone = await eventLoopDelay(api.url);
    let running = true;
    // exports give way to requests, so what they send while the reads run is the measure, not how many finish
    const streamed = { lines: 0 };
    const exporters = Array.from({ length: CONCURRENT_EXPORTS }, async () => {
      while (running) await exportOnce(api.url, slug, token, streamed);
    });
    await eventLoopDelay(api.url);
    const linesBefore = streamed.lines;
    const during = await load({ ...read, warmupSeconds: 0 });
    const exportRowsDuring = Math.round((streamed.lines - linesBefore) / read.duration);
    const loopDuring = await eventLoopDelay(api.url);
    running = false;
    await Promise.all(exporters);

    const apiRowsPerSecond = Math.round(ROWS / viaApi.seconds);
    const copyRowsPerSecond = Math.round(ROWS / copySeconds);
    const rows: BenchRow[] = [
        { label: 'GET …/registrations/export.csv (API)', 'rows/s': apiRowsPerSecond, seconds: Math.round(viaApi.seconds * 100) / 100, 'API peak RSS MB': `${rssBefore} → ${rssAfter}` },
        { label: 'COPY (SELECT …) TO STDOUT WITH CSV (pg)', 'rows/s': copyRowsPerSecond, seconds: Math.round(copySeconds * 100) / 100 },
        { label: 'GET /v1/events/{slug} alone', 'req/s': alone.requestsPerSecond, 'p99 ms': alone.p99, non2xx: alone.non2xx, 'loop delay p50/p99/max ms': `${loopAlone.p50} / ${loopAlone.p99} / ${loopAlone.max}` },
        { label: `GET /v1/events/{slug} during ${CONCURRENT_EXPORTS} exports`, 'req/s': during.requestsPerSecond, 'p99 ms': during.p99, non2xx: during.non2xx, 'export rows/s meanwhile': exportRowsDuring, 'loop delay p50/p99/max ms': `${loopDuring.p50} / ${loopDuring.p99} / ${loopDuring.max}` },
    ];
    return {
      scenario: `exports (${ROWS.toLocaleString('en')} registrations as CSV)`,
      rows,
      ratios: [
        `API export / COPY rows/s = ${(apiRowsPerSecond / copyRowsPerSecond).toFixed(2)}`,
        `p99 of GET /v1/events/{slug} during ${CONCURRENT_EXPORTS} exports / alone = ${(during.p99 / Math.max(alone.p99, 1)).toFixed(2)}`,
      ],
      goals: [
        goal('CSV export rows/s: API / COPY TO STDOUT', apiRowsPerSecond / copyRowsPerSecond, '>=', 0.5),
        goal(`GET /v1/events/{slug} p99: during ${CONCURRENT_EXPORTS} exports / alone`, during.p99 / Math.max(alone.p99, 1), '<=', 3),
      ],
    };
  } finally {
    await api.close();
  }
};
