import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkUser, insertUsers } from '@test/support/bulk-users';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, startApi } from '@test/support/harness';
import { LoadRequest, LoadResponse, sendAll } from '@test/support/load';
import { sample } from '@test/support/prometheus';
import { SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';
import { ApiProcess, WorkerProcess, ensureBuilt } from '@test/support/worker-process';
import { OrProblem, Wire } from '@test/support/api-types';
import { RegistrationDto } from '@api/registrations/registrations.dto';
import { ReportDto } from '@api/reports/reports.dto';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';

const ATTEMPTS = 10_000;
const SEATS = 100;
const MAILS = 1_000;
/** Attempts of each run of the one-API / two-API comparison. */
const COMPARED = 2_000;
/**
 * Client sockets in all, shared by the APIs a run targets. On the shared 2-core machine, 96 (the one-API
 * concurrency test's figure) left some requests waiting longer than the pool's 5-second connection timeout, which
 * answers 500 (README, Performance).
 */
const CONNECTIONS = 48;

type Registration = OrProblem<Wire<RegistrationDto>>;

/** Outcome label per response: "201 CONFIRMED", "409 SOLD_OUT", ... */
function tally(responses: LoadResponse<Registration>[]) {
  const counts: Record<string, number> = {};
  for (const r of responses) {
    const label = `${r.status} ${r.body?.state ?? r.body?.code ?? r.text.slice(0, 40)}`;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/**
 * Lectern as it runs in production, in miniature: two API processes and three worker processes, compiled and
 * spawned, on one PostgreSQL database and one Redis prefix of this test's own. The rules that hold in one process
 * must hold across them: a quota is never oversold whichever API takes the attempt, a message is sent once
 * whichever worker takes its job (even when one is killed), and two requests for an edition's report make one.
 */
describe('scale-out drill: two APIs and three workers on one PostgreSQL and Redis', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let setup: TestApi;
  let users: BulkUser[];
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];
  /** While true, the sink reads every message and never answers: no send in flight can complete. */
  let stalling = false;
  const figures: string[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    env = await isolatedNotificationsEnvironment('drill');
    sink = new SmtpSink({ data: () => (stalling ? 'stall' : null) });
    await sink.start();
    const overrides = env.overrides(sink, {
      SMTP_TIMEOUT_MS: '4000',
      NOTIFY_SEND_LEASE_SECONDS: '8',
      NOTIFY_STALE_AFTER_SECONDS: '3',
      NOTIFY_JOB_LOCK_MS: '2000',
      MAINTENANCE_EVERY_SECONDS: '3600',
    });
    // an API inside the test process, only to set editions up and to mint the crowd's tokens
    setup = await startApi(overrides);
    const shared = {
      ...overrides,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      REDIS_URL: setup.config.redis.url,
      TOKEN_SECRET: setup.config.auth.tokenSecret,
      // the whole crowd comes from 127.0.0.1; the write limits have their own test (rate-limits-shared)
      RATE_LIMIT_WRITES_PER_CLIENT: '10000000',
      RATE_LIMIT_WRITES_PER_ACCOUNT: '10000000',
    };
    apis.push(...[1, 2].map(() => new ApiProcess({ ...shared, DATABASE_POOL_SIZE: '10' })));
    workers.push(...[1, 2, 3].map(() => new WorkerProcess({ ...shared, DATABASE_POOL_SIZE: '5' })));
    const started = Date.now();
    [users] = await Promise.all([insertUsers(setup, ATTEMPTS, 'drill'), ...apis.map((a) => a.start()), ...workers.map((w) => w.start())]);
    figures.push(`2 APIs and 3 workers started (and ${ATTEMPTS} users made) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 180_000);
  afterAll(async () => {
    for (const process of [...apis, ...workers]) await process.stop('SIGKILL');
    // what any error the processes logged was, for a failure's report
    const errors = [...apis, ...workers].flatMap((p) => p.log.join('').split('\n').filter((line) => /"level":(50|60)/.test(line)));
    if (errors.length > 0) console.log(`${errors.length} error lines, the first:\n${errors.slice(0, 3).join('\n')}`);
    await setup?.close();
    await sink?.stop();
    await env?.drop();
    console.log(`scale-out drill:\n  ${figures.join('\n  ')}`);
  });

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(env.databaseUrl, sql, params);

  async function editionWithSeats(seats: number | null) {
    const edition = await createEventWithOrganiser(setup);
    const type = await setup.http.post<Wire<TicketTypeDto>>(
      `/v1/events/${edition.slug}/ticket-types`,
      { name: { en: 'In-person' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' },
      { token: edition.organiser.token },
    );
    expect(type.status).toBe(201);
    if (seats !== null) {
      const quota = await setup.http.post(`/v1/events/${edition.slug}/quotas`, { name: 'Seats', size: seats, ticketTypeIds: [type.body.id] }, { token: edition.organiser.token });
      expect(quota.status).toBe(201);
    }
    return { ...edition, typeId: type.body.id };
  }

  /** Every attempt at once, spread round-robin over `targets`, CONNECTIONS sockets in all. */
  async function register(slug: string, typeId: string, crowd: BulkUser[], targets: ApiProcess[]) {
    const started = Date.now();
    const batches = targets.map((_, t) =>
      crowd
        .filter((_, i) => i % targets.length === t)
        .map((user): LoadRequest => ({ method: 'POST', path: `/v1/events/${slug}/registrations`, token: user.token, body: { ticketTypeId: typeId, attendeeName: 'Drill' } })),
    );
    const responses = (
      await Promise.all(targets.map((api, t) => sendAll<Registration>(api.url, batches[t], Math.floor(CONNECTIONS / targets.length))))
    ).flat();
    return { responses, seconds: (Date.now() - started) / 1000 };
  }

  const confirmed = async (slug: string) =>
    (
      await db<{ n: number }>(
        `SELECT count(*)::int AS n FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.slug = $1 AND r.state = 'CONFIRMED'`,
        [slug],
      )
    )[0].n;

  let drilled: Awaited<ReturnType<typeof editionWithSeats>>;
  const rate = (attempts: number, run: { seconds: number }) => `${run.seconds.toFixed(1)} s (${Math.round(attempts / run.seconds)}/s)`;

  it(`${ATTEMPTS} registration attempts for ${SEATS} seats over two APIs: exactly ${SEATS}, no 5xx`, async () => {
    drilled = await editionWithSeats(SEATS);
    const run = await register(drilled.slug, drilled.typeId, users, apis);
    expect(tally(run.responses)).toEqual({ '201 CONFIRMED': SEATS, '409 SOLD_OUT': ATTEMPTS - SEATS });
    expect(await confirmed(drilled.slug)).toBe(SEATS);
    figures.push(`registration, ${ATTEMPTS} attempts for ${SEATS} seats over two APIs, ${CONNECTIONS} connections: ${rate(ATTEMPTS, run)}`);
  }, 420_000);

  it(`the same crowd on one API and on two (same run, ${COMPARED} attempts each, ${SEATS} seats): the same outcome`, async () => {
    const crowd = users.slice(0, COMPARED);
    const single = await editionWithSeats(SEATS);
    const one = await register(single.slug, single.typeId, crowd, [apis[0]]);
    const spread = await editionWithSeats(SEATS);
    const two = await register(spread.slug, spread.typeId, crowd, apis);
    for (const run of [one, two]) expect(tally(run.responses)).toEqual({ '201 CONFIRMED': SEATS, '409 SOLD_OUT': COMPARED - SEATS });
    figures.push(
      `registration, ${COMPARED} attempts for ${SEATS} seats, ${CONNECTIONS} connections: one API ${rate(COMPARED, one)}, ` +
        `two APIs ${rate(COMPARED, two)}: two APIs at ${(one.seconds / two.seconds).toFixed(2)}× one API's throughput`,
    );
  }, 300_000);

  it(`${MAILS} e-mails with a worker SIGKILLed midway: each delivered exactly once, and the queues drain`, async () => {
    const edition = await editionWithSeats(null);
    const crowd = users.slice(0, MAILS);
    const metricsOf = async (worker: WorkerProcess) => (await fetch(`http://127.0.0.1:${worker.httpPort}/metrics`)).text();
    const backlog: { at: number; queued: number; outbox: number }[] = [];
    const started = Date.now();
    // a surviving worker's view of the backlog, twice a second, for as long as the e-mails take
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const text = await metricsOf(workers[2]);
        const queued = ['waiting', 'active', 'delayed'].reduce((sum, state) => sum + (sample(text, 'lectern_queue_jobs', { queue: 'notifications', state }) ?? 0), 0);
        backlog.push({ at: (Date.now() - started) / 1000, queued, outbox: sample(text, 'lectern_outbox_pending_rows') ?? 0 });
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();

    const { responses } = await register(edition.slug, edition.typeId, crowd, apis);
    expect(tally(responses)).toEqual({ '201 CONFIRMED': MAILS });
    const deliveriesOf = () =>
      db<{ id: string; status: string; generation: number }>(
        `SELECT d.id, d.status, d.generation FROM notification_deliveries d WHERE d.event_id = $1 AND d.recipient_email = ANY($2::text[])`,
        [edition.event.id, crowd.map((u) => u.email)],
      );
    const toCrowd = () => sink.received.filter((mail) => mail.parsed.messageId?.startsWith('<delivery-')).length;
    await sink.waitFor(() => toCrowd() >= MAILS * 0.3, 120_000);

    // Kill a worker while its sends are in flight. They are held in DATA first, so that none of them is one the
    // sink already accepted but the worker had not yet recorded as sent: that window of a few milliseconds, which
    // SMTP itself has (README, notifications), would send a message twice, with the same Message-ID.
    stalling = true;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const killed = await workers[0].stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const atKill = sink.received.length;
    stalling = false;

    await waitUntil(async () => {
      const rows = await deliveriesOf();
      return rows.length === MAILS && rows.every((r) => r.status === 'SENT');
    }, 150_000, `all ${MAILS} deliveries SENT`);
    const seconds = (Date.now() - started) / 1000;
    // long enough for a duplicate run to show up
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await waitUntil(async () => {
      const text = await metricsOf(workers[2]);
      return ['waiting', 'active', 'delayed'].every((state) => sample(text, 'lectern_queue_jobs', { queue: 'notifications', state }) === 0);
    }, 30_000, 'the notifications queue to drain');
    watching = false;
    await watcher;

    const rows = await deliveriesOf();
    const copies = new Map<string, number>();
    for (const mail of sink.received) copies.set(mail.parsed.messageId ?? '', (copies.get(mail.parsed.messageId ?? '') ?? 0) + 1);
    for (const row of rows) expect(copies.get(`<delivery-${row.id}-${row.generation}@lectern.test>`), row.id).toBe(1);
    // nothing at all, the earlier editions' messages included, reached the sink twice
    expect([...copies.values()].filter((n) => n > 1)).toEqual([]);

    const peak = backlog.reduce((max, s) => (s.queued + s.outbox > max.queued + max.outbox ? s : max), backlog[0]);
    const last = backlog[backlog.length - 1];
    expect(peak.queued + peak.outbox).toBeGreaterThan(0);
    expect(last).toMatchObject({ queued: 0, outbox: 0 });
    figures.push(
      `e-mail: ${MAILS} registrations and their confirmations delivered in ${seconds.toFixed(1)} s with worker 1 of 3 SIGKILLed at ` +
        `${atKill} received; ${sink.received.length} messages in all, none twice; worker 3's /metrics: peak ${peak.queued} notification jobs and ` +
        `${peak.outbox} outbox rows at ${peak.at.toFixed(1)} s, ${last.queued} and ${last.outbox} at ${last.at.toFixed(1)} s ` +
        `(${backlog.map((s) => s.queued + s.outbox).join(' ')})`,
    );
  }, 300_000);

  it('two requests for one edition’s report, sent to different APIs at once: one report', async () => {
    const token = drilled.organiser.token;
    const [first, second] = await Promise.all(
      apis.map((api) =>
        fetch(`${api.url}/v1/events/${drilled.slug}/reports`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then(
          async (response) => ({ status: response.status, body: (await response.json()) as Wire<ReportDto> }),
        ),
      ),
    );
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body.id).toBe(first.body.id);
    const reports = () => db<{ id: string; status: string }>(`SELECT id, status FROM reports WHERE event_id = $1`, [drilled.event.id]);
    await waitUntil(async () => (await reports())[0]?.status === 'SUCCEEDED', 120_000, 'the report');
    expect(await reports()).toEqual([{ id: first.body.id, status: 'SUCCEEDED' }]);
  }, 180_000);
});
