import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TokenService } from '@lectern/domains/auth/token.service';
import { loadConfig } from '@lectern/config/config';
import { BenchScenario, goal } from './bench.types';
import { combineRounds, load, percentile } from './support';

const CONNECTIONS = 32;
/**
 * The API and the baseline take turns, ROUNDS times SECONDS each, after one warm-up each: on a machine shared with
 * other work, load that comes and goes then falls on both alike instead of on whichever ran at the wrong moment.
 */
const ROUNDS = 3;
const SECONDS = 4;
const WARMUP_SECONDS = 2;
/** Enough distinct attendees that no request of either run is refused as a second registration. */
const USERS_PER_RUN = 40_000;
const QUOTA_SIZE = 10_000_000;

async function insertUsers(db: Client, count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 10_000) {
    const emails = Array.from({ length: Math.min(10_000, count - start) }, (_, i) => `${label}-${start + i}@bench.lectern`);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (id, email, password_hash, name, created_at, updated_at)
       SELECT gen_random_uuid(), e, 'not-a-hash', 'Bench attendee', now(), now() FROM unnest($1::text[]) AS e RETURNING id`,
      [emails],
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

const USED_SEATS = (table: string) => `SELECT count(*)::int FROM ${table} r
   WHERE r.ticket_type_id = ANY(ARRAY(SELECT ticket_type_id FROM ticket_type_quotas WHERE quota_id = q.id))
     AND (r.state IN ('PENDING', 'CONFIRMED') OR (r.state = 'WAITLISTED' AND r.offer_expires_at > now()))`;
const INSERT_SEAT = (table: string) => `INSERT INTO ${table} (id, event_id, user_id, ticket_type_id, state, attendee_name,
   attendee_email, price_cents, currency, badge_token, confirmed_at, created_at, updated_at)
   VALUES (gen_random_uuid(), $1, $2, $3, 'CONFIRMED', 'Bench attendee', 'bench@bench.lectern', 0, 'USD', $4, now(), now(), now())`;

/**
 * Two raw forms of the API's seat rule (shared event lock, exclusive quota lock, count the quota's seats, insert if
 * one is free), each writing to its own copy of the registrations table (same columns and indexes, no seat-check
 * trigger, so the database does the check once, here), one client per connection:
 * - `transaction`: the textbook form, BEGIN, lock, count, insert, COMMIT: five round trips;
 * - `one-call`: the same steps in one PL/pgSQL function called in one round trip. A single SQL statement cannot do
 *   it: its snapshot is taken before the lock is granted, so its count would miss seats committed meanwhile; each
 *   statement inside a function takes a fresh snapshot after the lock.
 * What the API adds on top is HTTP, authentication, validation, Prisma, the audit entry and the outbox event.
 */
type BaselineForm = 'transaction' | 'one-call';

async function openBaseline(databaseUrl: string, form: BaselineForm, eventId: string, quotaId: string, ticketTypeId: string, userIds: string[]) {
  const table = form === 'transaction' ? 'bench_registrations' : 'bench_registrations_one_call';
  const setup = new Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query(`CREATE TABLE ${table} (LIKE registrations INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING CONSTRAINTS)`);
  if (form === 'one-call') {
    await setup.query(`
      CREATE FUNCTION bench_take_seat(p_event uuid, p_quota uuid, p_user uuid, p_type uuid, p_badge text) RETURNS void
      LANGUAGE plpgsql AS $fn$
      DECLARE q record;
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(lectern_lock_key('structure', p_event)), pg_advisory_xact_lock(lectern_lock_key('quota', p_quota));
        SELECT q0.size, (${USED_SEATS(table).replaceAll('q.id', 'q0.id')}) AS used INTO q FROM quotas q0 WHERE q0.id = p_quota;
        IF q.used >= q.size THEN RAISE EXCEPTION 'sold out'; END IF;
        ${INSERT_SEAT(table).replace('$1', 'p_event').replace('$2', 'p_user').replace('$3', 'p_type').replace('$4', 'p_badge')};
      END $fn$`);
  }
  await setup.end();
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const takeSeat = async (client: Client, userId: string) => {
    const badge = randomBytes(24).toString('base64url');
    if (form === 'one-call') {
      await client.query('SELECT bench_take_seat($1, $2, $3, $4, $5)', [eventId, quotaId, userId, ticketTypeId, badge]);
      return;
    }
    try {
      await client.query('BEGIN');
      // the seat check's own keys (lectern_lock_key)
      await client.query(
        `SELECT pg_advisory_xact_lock_shared(lectern_lock_key('structure', $1::uuid)), pg_advisory_xact_lock(lectern_lock_key('quota', $2::uuid))`,
        [eventId, quotaId],
      );
      const { rows } = await client.query<{ size: number; used: number }>(`SELECT q.size, (${USED_SEATS(table)}) AS used FROM quotas q WHERE q.id = $1`, [quotaId]);
      if (rows[0].used >= rows[0].size) throw new Error('sold out');
      await client.query(INSERT_SEAT(table), [eventId, userId, ticketTypeId, badge]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };
  let next = 0;
  const latencies: number[] = [];
  let failures = 0;
  let measured = 0;
  const work = async (client: Client, until: number, record: boolean) => {
    while (Date.now() < until && next < userIds.length) {
      const userId = userIds[next++];
      const started = process.hrtime.bigint();
      try {
        await takeSeat(client, userId);
        if (record) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      } catch {
        failures += 1;
      }
    }
  };
  return {
    async run(seconds: number, record: boolean) {
      const started = Date.now();
      await Promise.all(clients.map((c) => work(c, started + seconds * 1000, record)));
      if (record) measured += (Date.now() - started) / 1000;
    },
    async close() {
      const { rows } = await clients[0].query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      await Promise.all(clients.map((c) => c.end()));
      latencies.sort((a, b) => a - b);
      return {
        requestsPerSecond: Math.round(latencies.length / measured),
        p50: Math.round(percentile(latencies, 50) * 10) / 10,
        p99: Math.round(percentile(latencies, 99) * 10) / 10,
        failures,
        rows: rows[0].n,
      };
    },
  };
}

/**
 * POST /v1/events/{slug}/registrations at 32 connections, every request a different attendee and all of them on
 * one quota (so every registration's seat check waits for the same advisory lock), next to the raw-pg
 * raw forms above, in the same run and database; the goal is measured against the faster of the two.
 */
export const scenario: BenchScenario = async (env) => {
  const api = await env.startApi();
  const db = new Client({ connectionString: env.databaseUrl });
  try {
    await db.connect();
    const adminToken = await env.adminToken(api.url);
    const call = async (method: string, path: string, body: unknown) => {
      const response = await fetch(api.url + path, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string };
    };
    const stamp = Date.now().toString(36);
    const slug = `bench-registrations-${stamp}`;
    await call('POST', '/v1/series', { slug: `bench-reg-series-${stamp}`, name: { en: 'Bench series' } });
    const event = await call('POST', '/v1/events', {
      seriesSlug: `bench-reg-series-${stamp}`, slug, name: { en: 'Bench registrations' }, city: { en: 'Shanghai' }, country: 'CN',
      timezone: 'Asia/Shanghai', startsAt: '2030-06-24T01:00:00Z', endsAt: '2030-06-26T10:00:00Z', format: 'IN_PERSON',
    });
    await call('PATCH', `/v1/events/${slug}`, { status: 'PUBLISHED' });
    const apiType = await call('POST', `/v1/events/${slug}/ticket-types`, { name: { en: 'API run' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' });
    const baseType = await call('POST', `/v1/events/${slug}/ticket-types`, { name: { en: 'Baseline run' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' });
    await call('POST', `/v1/events/${slug}/quotas`, { name: 'API quota', size: QUOTA_SIZE, ticketTypeIds: [apiType.id] });
    const baseQuota = await call('POST', `/v1/events/${slug}/quotas`, { name: 'Baseline quota', size: QUOTA_SIZE, ticketTypeIds: [baseType.id] });

    env.log('registrations: inserting attendees');
    // the API's own signing secret, so these tokens are as good as ones from /v1/auth/login
    const tokens = new TokenService(loadConfig({ NODE_ENV: 'test', TOKEN_SECRET: env.childEnv.TOKEN_SECRET }));
    const apiUsers = await Promise.all((await insertUsers(db, USERS_PER_RUN, `api-${stamp}`)).map(async (id) => (await tokens.issue(id)).token));
    const baseUsers = await insertUsers(db, USERS_PER_RUN, `base-${stamp}`);

    let nextUser = 0;
    const apiLoad = (seconds: number) =>
      load({
        url: api.url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: `/v1/events/${slug}/registrations`,
            setupRequest: (request) => ({
              ...request,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${apiUsers[nextUser++ % apiUsers.length]}` },
              body: JSON.stringify({ ticketTypeId: apiType.id, attendeeName: 'Bench attendee' }),
            }),
          },
        ],
      });
    const transaction = await openBaseline(env.databaseUrl, 'transaction', event.id, baseQuota.id, baseType.id, baseUsers);
    const oneCall = await openBaseline(env.databaseUrl, 'one-call', event.id, baseQuota.id, baseType.id, baseUsers);
    env.log(`registrations: ${ROUNDS} rounds of ${SECONDS}s each, API then both raw forms, ${CONNECTIONS} connections`);
    await apiLoad(WARMUP_SECONDS);
    await transaction.run(WARMUP_SECONDS, false);
    await oneCall.run(WARMUP_SECONDS, false);
    const apiRounds = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      apiRounds.push(await apiLoad(SECONDS));
      await transaction.run(SECONDS, true);
      await oneCall.run(SECONDS, true);
    }
    await api.close();
    const baselines = [
      { label: 'baseline (raw pg: BEGIN, lock, count, insert, COMMIT: five round trips)', result: await transaction.close() },
      { label: 'baseline (raw pg: the same steps in one PL/pgSQL call, one round trip)', result: await oneCall.close() },
    ];
    const best = baselines.reduce((a, b) => (b.result.requestsPerSecond > a.result.requestsPerSecond ? b : a));
    const apiResult = combineRounds(apiRounds);
    const confirmed = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM registrations WHERE ticket_type_id = $1 AND state = 'CONFIRMED'`,
      [apiType.id],
    );

    const ratio = apiResult.requestsPerSecond / best.result.requestsPerSecond;
    return {
      scenario: 'POST /v1/events/{slug}/registrations, one contended quota',
      rows: [
        {
          label: 'Lectern API (HTTP + auth + Nest + Prisma + audit + outbox; p50/p99: median of rounds)',
          'registrations/s': apiResult.requestsPerSecond,
          'p50 ms': apiResult.p50,
          'p99 ms': apiResult.p99,
          'non-2xx': apiResult.non2xx,
          errors: apiResult.errors,
          'rows confirmed': confirmed.rows[0].n,
        },
        ...baselines.map(({ label, result }) => ({
          label,
          'registrations/s': result.requestsPerSecond,
          'p50 ms': result.p50,
          'p99 ms': result.p99,
          'non-2xx': result.failures,
          errors: 0,
          'rows confirmed': result.rows,
        })),
      ],
      ratios: [
        `API / best raw pg registrations per second = ${ratio.toFixed(2)}; p99 ${apiResult.p99} ms vs ${best.result.p99} ms ` +
          `(${CONNECTIONS} connections, one quota, ${ROUNDS} alternating rounds of ${SECONDS} s each)`,
      ],
      goals: [goal('registrations/s: API / best raw form', ratio, '>=', 0.7)],
    };
  } finally {
    await api.close();
    await db.end();
  }
};
