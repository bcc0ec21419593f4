import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { BenchScenario } from './bench.types';
import { startSmtpSink, startWorker, waitFor } from './support';

const BACKLOG = 10_000;

/** A receiver that answers 200 at once and counts; the bench measures Lectern's side, not a slow subscriber. */
async function startReceiver() {
  let count = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      count += 1;
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    count: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Webhook deliveries against e-mail deliveries of the same backlog: 10,000 `registration.confirmed` outbox rows
 * (real registrations of 10,000 attendees), drained by one worker process (WORKER_CONCURRENCY 4 per queue). The
 * webhook phase's rows are marked as already relayed for e-mail, the e-mail phase's as already fanned out to
 * webhooks, so each phase measures one channel alone: from the backlog's commit to the last delivery recorded
 * in Postgres.
 */
export const scenario: BenchScenario = async (env) => {
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  const receiver = await startReceiver();
  const sink = await startSmtpSink();
  const worker = startWorker({
    ...env.childEnv,
    SMTP_PORT: String(sink.port),
    WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    WORKER_CONCURRENCY: '4',
    NOTIFY_RELAY_EVERY_MS: '100',
    NOTIFY_RELAY_BATCH_SIZE: '500',
    MAINTENANCE_EVERY_SECONDS: '3600',
  });
  try {
    const suffix = randomBytes(3).toString('hex');
    const {
      rows: [event],
    } = await db.query<{ id: string }>(
      `WITH s AS (INSERT INTO series (id, slug, name, updated_at) VALUES (gen_random_uuid(), $1, '{"en": "Bench"}'::jsonb, now()) RETURNING id)
       INSERT INTO events (id, series_id, slug, name, city, country, timezone, starts_at, ends_at, format, status, updated_at)
       SELECT gen_random_uuid(), s.id, $1, '{"en": "Bench Conf"}'::jsonb, '{"en": "Shanghai"}'::jsonb, 'CN', 'Asia/Shanghai', '2030-06-24', '2030-06-26', 'IN_PERSON', 'PUBLISHED', now() FROM s
       RETURNING id`,
      [`webhooks-bench-${suffix}`],
    );
    const {
      rows: [organiser],
    } = await db.query<{ id: string }>(
      `INSERT INTO users (id, email, password_hash, name, updated_at) VALUES (gen_random_uuid(), $1, 'x', 'Organiser', now()) RETURNING id`,
      [`organiser-${suffix}@bench.example`],
    );
    await db.query(`INSERT INTO role_grants (id, event_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'ORGANISER')`, [event.id, organiser.id]);
    await db.query(
      `INSERT INTO webhook_subscriptions (id, event_id, url, event_types, secret, created_by_id, updated_at)
       VALUES (gen_random_uuid(), $1, $2, ARRAY['registration.confirmed'], $3, $4, now())`,
      [event.id, receiver.url, `whsec_${randomBytes(32).toString('base64')}`, organiser.id],
    );
    const {
      rows: [ticket],
    } = await db.query<{ id: string }>(
      `INSERT INTO ticket_types (id, event_id, name, category, attendance, updated_at)
       VALUES (gen_random_uuid(), $1, '{"en": "Individual"}'::jsonb, 'INDIVIDUAL', 'IN_PERSON', now()) RETURNING id`,
      [event.id],
    );
    await db.query(
      `WITH u AS (
         INSERT INTO users (id, email, password_hash, name, updated_at)
         SELECT gen_random_uuid(), 'attendee-' || g || '-' || $3 || '@bench.example', 'x', 'Attendee ' || g, now() FROM generate_series(1, $4::int) g
         RETURNING id, email, name)
       INSERT INTO registrations (id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency,
                                  badge_token, confirmed_at, updated_at)
       SELECT gen_random_uuid(), $1, u.id, $2, 'CONFIRMED', u.name, u.email, 0, 'USD', md5(random()::text || u.id::text), now(), now() FROM u`,
      [event.id, ticket.id, suffix, BACKLOG],
    );
    env.log(`seeded ${BACKLOG} registrations; waiting for the worker`);
    await new Promise((resolve) => setTimeout(resolve, 4_000));

    /** Writes the backlog in one statement; `mark` says which channel has already taken it. */
    const backlog = (mark: 'processed_at' | 'webhooks_at') =>
      db.query(
        `INSERT INTO outbox (event_id, type, payload, created_at, ${mark})
         SELECT $1::uuid, 'registration.confirmed', jsonb_build_object('eventId', $1::text, 'registrationId', r.id::text), clock_timestamp(), now()
           FROM registrations r WHERE r.event_id = $1::uuid ORDER BY r.created_at, r.id`,
        [event.id],
      );
    const count = async (sql: string) => Number((await db.query<{ n: string }>(sql, [event.id])).rows[0].n);

    let started = Date.now();
    await backlog('processed_at');
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*) AS n FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
            WHERE s.event_id = $1::uuid AND d.status = 'DELIVERED'`,
        )) >= BACKLOG,
      600_000,
      'the webhook backlog',
      50,
    );
    const webhookSeconds = (Date.now() - started) / 1000;
    env.log(`webhooks: ${BACKLOG} delivered in ${webhookSeconds.toFixed(1)} s (receiver saw ${receiver.count()} requests)`);

    started = Date.now();
    await backlog('webhooks_at');
    await waitFor(
      async () => (await count(`SELECT count(*) AS n FROM notification_deliveries WHERE event_id = $1::uuid AND status = 'SENT'`)) >= BACKLOG,
      600_000,
      'the e-mail backlog',
      50,
    );
    const mailSeconds = (Date.now() - started) / 1000;
    env.log(`e-mail: ${BACKLOG} sent in ${mailSeconds.toFixed(1)} s (sink saw ${sink.count()} messages)`);

    const webhookRate = BACKLOG / webhookSeconds;
    const mailRate = BACKLOG / mailSeconds;
    return {
      scenario: `webhooks: ${BACKLOG.toLocaleString('en')} outbox rows through one worker`,
      rows: [
        { label: 'webhooks → local HTTP receiver', seconds: webhookSeconds.toFixed(1), 'deliveries/s': Math.round(webhookRate), requests: receiver.count() },
        { label: 'e-mail → local SMTP sink (baseline)', seconds: mailSeconds.toFixed(1), 'deliveries/s': Math.round(mailRate), requests: sink.count() },
      ],
      ratios: [`webhook / e-mail deliveries per second = ${(webhookRate / mailRate).toFixed(2)}`],
    };
  } finally {
    await worker.stop();
    await receiver.close();
    await sink.close();
    await db.end();
  }
};
