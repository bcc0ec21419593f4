import { randomBytes } from 'node:crypto';
import { IncomingMessage, get } from 'node:http';
import { Socket, connect } from 'node:net';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestApi, createEventWithOrganiser, startApi } from '@test/support/harness';
import { query } from '@test/support/databases';
import { waitUntil } from '@test/support/smtp-sink';

const ROWS = 20_000;
/** Rows wide enough that the whole export cannot sit in socket buffers: a client that stops reading holds the query. */
const WIDTH = 2_000;
/** How fast this test's API lets exports go while other requests run: slow, so that a paced export is told from a free one at once. */
const BUSY_KB_PER_S = 64;

/**
 * The registrations CSV streams from one statement (COPY, formatted by PostgreSQL) on the export pool, stops its
 * query when the client goes away, exports beyond the pool's size wait their turn, and a running export gives way
 * to other requests.
 */
describe('streaming exports', () => {
  let api: TestApi;
  let slug: string;
  let token: string;
  // every connection of this API names itself, so the test finds its export among other tests' queries
  const applicationName = `export-test-${randomBytes(3).toString('hex')}`;
  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(inject('databaseUrl'), sql, params);
  const exportBackends = () =>
    db<{ pid: number; state: string }>(
      // the start of the statement: pg_stat_activity keeps only its first kilobyte
      `SELECT pid, state FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'COPY (%FROM ticket_types WHERE event_id%' AND state <> 'idle'`,
      [applicationName],
    );

  beforeAll(async () => {
    const url = new URL(inject('databaseUrl'));
    url.searchParams.set('application_name', applicationName);
    api = await startApi({ DATABASE_URL: url.toString(), DATABASE_EXPORT_POOL_SIZE: '1', DATABASE_EXPORT_BUSY_KB_PER_S: String(BUSY_KB_PER_S) });
    const event = await createEventWithOrganiser(api);
    slug = event.slug;
    token = event.organiser.token;
    const stamp = randomBytes(4).toString('hex');
    const client = new Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    // the seat-check trigger would run once per row; these rows are for reading, not for the seat rule
    await client.query('SET session_replication_role = replica');
    await client.query(
      `WITH t AS (INSERT INTO ticket_types (id, event_id, name, category, attendance, updated_at)
                  SELECT gen_random_uuid(), e.id, '{"en": "Individual"}'::jsonb, 'INDIVIDUAL', 'IN_PERSON', now() FROM events e WHERE e.slug = $1 RETURNING id, event_id),
            u AS (INSERT INTO users (id, email, password_hash, name, updated_at)
                  SELECT gen_random_uuid(), 'export-${stamp}-' || g || '@test.lectern', 'x', 'Export ' || g, now() FROM generate_series(1, $2::int) g
                  RETURNING id, email)
       INSERT INTO registrations (id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency, badge_token, updated_at)
       SELECT gen_random_uuid(), t.event_id, u.id, t.id, 'CONFIRMED', CASE WHEN u.email LIKE '%-1@%' THEN '=HYPERLINK("x")' ELSE 'Attendee ' || repeat('x', ${WIDTH}) END, u.email, 0, 'USD', 'b-' || u.id, now()
         FROM u CROSS JOIN t`,
      [slug, ROWS],
    );
    await client.end();
  }, 120_000);
  afterAll(() => api.close());

  it('sends every row, escaped as before, in one query', async () => {
    const response = await api.http.get(`/v1/events/${slug}/registrations/export.csv`, { token });
    expect(response.status).toBe(200);
    const lines = response.text.split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[0]).toBe('id,state,attendee_name,attendee_email,ticket_type,category,attendance,price_cents,currency,paid_at,confirmed_at,cancelled_at,cancel_reason,check_ins,created_at');
    expect(lines.filter((line) => line.includes(`"'=HYPERLINK(""x"")"`))).toHaveLength(1);
    const filtered = await api.http.get(`/v1/events/${slug}/registrations/export.csv?q=${encodeURIComponent('-1@')}`, { token });
    expect(filtered.text.split('\r\n').filter((line) => line !== '')).toHaveLength(2);
  });

  /** An export whose client has read one chunk and then stops reading. */
  async function stalledExport() {
    const { hostname, port } = new URL(api.http.baseUrl);
    const request = get({ hostname, port, path: `/v1/events/${slug}/registrations/export.csv`, headers: { authorization: `Bearer ${token}` }, agent: false });
    const response = await new Promise<IncomingMessage>((resolve, reject) => request.on('response', resolve).on('error', reject));
    expect(response.statusCode).toBe(200);
    await new Promise((resolve) => response.once('data', resolve));
    response.pause();
    return request;
  }

  it('ends the query on the server when the client disconnects, and gives its connection back', async () => {
    const request = await stalledExport();
    // the server stops sending rows as the client stops reading; the query waits, running
    await waitUntil(async () => (await exportBackends()).length === 1, 10_000, 'the export query to be running');
    request.destroy();
    await waitUntil(async () => (await exportBackends()).length === 0, 10_000, 'the export query to end');
    // the API lives on, and the export pool's one connection is free again
    expect((await api.http.get(`/v1/events/${slug}`)).status).toBe(200);
    const next = await api.http.get(`/v1/events/${slug}/registrations/export.csv?q=${encodeURIComponent('-2@')}`, { token });
    expect(next.text.split('\r\n').filter((line) => line !== '')).toHaveLength(2);
  });

  it('lets an export beyond the pool size wait for the running one to end', async () => {
    const running = await stalledExport();
    await waitUntil(async () => (await exportBackends()).length === 1, 10_000, 'the first export to be running');
    let answered = false;
    const waiting = api.http.get(`/v1/events/${slug}/registrations/export.csv?q=${encodeURIComponent('-3@')}`, { token }).then((response) => {
      answered = true;
      return response;
    });
    // the cheap routes keep their own pool meanwhile
    expect((await api.http.get(`/v1/events/${slug}`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answered).toBe(false);
    running.destroy();
    const second = await waiting;
    expect(second.status).toBe(200);
    expect(second.text.split('\r\n').filter((line) => line !== '')).toHaveLength(2);
  });

  /** A request the API is answering until the returned socket closes: its body never arrives in full. */
  async function heldRequest(): Promise<Socket> {
    const { hostname, port } = new URL(api.http.baseUrl);
    const socket = connect(Number(port), hostname);
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.write(`POST /v1/auth/login HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    return socket;
  }

  it('keeps to the busy rate while another request is being answered, and runs free once none is', async () => {
    const held = await heldRequest();
    // the hook counts the request when its head has arrived
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { hostname, port } = new URL(api.http.baseUrl);
    const request = get({ hostname, port, path: `/v1/events/${slug}/registrations/export.csv`, headers: { authorization: `Bearer ${token}` }, agent: false });
    const response = await new Promise<IncomingMessage>((resolve, reject) => request.on('response', resolve).on('error', reject));
    expect(response.statusCode).toBe(200);
    let bytes = 0;
    let lines = 0;
    response.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) lines++;
    });
    const ended = new Promise((resolve, reject) => response.on('end', resolve).on('error', reject));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // 128 KB at the busy rate, give or take a chunk; free, the export sends several MB a second even on a busy machine
    expect(bytes).toBeLessThan(1_000_000);
    held.destroy();
    // paced to the end, the 40 MB would take minutes
    await ended;
    expect(lines).toBe(ROWS + 1);
  }, 60_000);
});
