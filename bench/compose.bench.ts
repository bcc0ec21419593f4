import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { BenchRow, BenchScenario } from './bench.types';
import { startSmtpSink, startWorker, waitFor } from './support';

const AUDIENCE = 10_000;

/**
 * A message composed to 10,000 attendees of one edition (half reading English, half Chinese), through the real
 * API and one worker process (WORKER_CONCURRENCY 4) sending to a local SMTP sink: the dry run, the send request,
 * the time until every recipient has a delivery row (the audience resolved and enqueued), and messages per second
 * until the last one is recorded as sent.
 */
export const scenario: BenchScenario = async (env) => {
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  const sink = await startSmtpSink();
  const api = await env.startApi();
  const worker = startWorker({
    ...env.childEnv,
    SMTP_PORT: String(sink.port),
    WORKER_CONCURRENCY: '4',
    NOTIFY_RELAY_EVERY_MS: '100',
    NOTIFY_RELAY_BATCH_SIZE: '500',
    MAINTENANCE_EVERY_SECONDS: '3600',
  });
  try {
    const suffix = randomBytes(3).toString('hex');
    const slug = `compose-bench-${suffix}`;
    const {
      rows: [event],
    } = await db.query<{ id: string }>(
      `WITH s AS (INSERT INTO series (id, slug, name, languages, updated_at)
                  VALUES (gen_random_uuid(), $1, '{"en": "Bench"}'::jsonb, ARRAY['en', 'zh-CN'], now()) RETURNING id)
       INSERT INTO events (id, series_id, slug, name, city, country, timezone, starts_at, ends_at, format, status, updated_at)
       SELECT gen_random_uuid(), s.id, $1, '{"en": "Bench Conf", "zh-CN": "基准大会"}'::jsonb, '{"en": "Shanghai"}'::jsonb, 'CN',
              'Asia/Shanghai', '2030-06-24', '2030-06-26', 'HYBRID', 'PUBLISHED', now() FROM s
       RETURNING id`,
      [slug],
    );
    const {
      rows: [ticket],
    } = await db.query<{ id: string }>(
      `INSERT INTO ticket_types (id, event_id, name, category, attendance, updated_at)
       VALUES (gen_random_uuid(), $1, '{"en": "Livestream", "zh-CN": "线上"}'::jsonb, 'VIRTUAL', 'VIRTUAL', now()) RETURNING id`,
      [event.id],
    );
    await db.query(
      `WITH u AS (
         INSERT INTO users (id, email, password_hash, name, locale, updated_at)
         SELECT gen_random_uuid(), 'attendee-' || g || '-' || $3 || '@bench.example', 'x', 'Attendee ' || g,
                CASE WHEN g % 2 = 0 THEN 'en' ELSE 'zh-CN' END, now() FROM generate_series(1, $4::int) g
         RETURNING id, email, name)
       INSERT INTO registrations (id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency,
                                  badge_token, confirmed_at, updated_at)
       SELECT gen_random_uuid(), $1, u.id, $2, 'CONFIRMED', u.name, u.email, 0, 'USD', md5(random()::text || u.id::text), now(), now() FROM u`,
      [event.id, ticket.id, suffix, AUDIENCE],
    );
    const adminToken = await env.adminToken(api.url);
    const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    env.log(`seeded ${AUDIENCE} attendees with a virtual ticket; composing`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const message = await call<{ id: string }>('POST', `/v1/events/${slug}/messages`, {
      subject: { en: 'Where to find the virtual stage at {event}', 'zh-CN': '{event} 线上舞台入口' },
      body: { en: 'Hello {name},\n\nThe stream opens at 9:00.', 'zh-CN': '{name}，您好\n\n直播九点开始。' },
      audience: { attendees: { attendance: ['VIRTUAL'] } },
    });
    let started = Date.now();
    const dry = await call<{ recipients: number }>('GET', `/v1/events/${slug}/messages/${message.id}/dry-run`);
    const dryMs = Date.now() - started;
    if (dry.recipients !== AUDIENCE) throw new Error(`dry run counted ${dry.recipients}, not ${AUDIENCE}`);

    const count = async (status?: string) =>
      Number(
        (
          await db.query<{ n: string }>(
            `SELECT count(*) AS n FROM notification_deliveries d JOIN composed_message_sends s ON s.outbox_id = d.outbox_id
              WHERE s.message_id = $1::uuid AND ($2::text IS NULL OR d.status::text = $2::text)`,
            [message.id, status ?? null],
          )
        ).rows[0].n,
      );
    started = Date.now();
    await call('POST', `/v1/events/${slug}/messages/${message.id}/send`, {});
    const sendMs = Date.now() - started;
    await waitFor(async () => (await count()) >= AUDIENCE, 600_000, 'every recipient resolved');
    const resolvedSeconds = (Date.now() - started) / 1000;
    await waitFor(
      async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM notification_deliveries WHERE enqueued_at IS NOT NULL AND event_id = $1::uuid`, [event.id])).rows[0].n) >= AUDIENCE,
      600_000,
      'every delivery queued',
    );
    const enqueuedSeconds = (Date.now() - started) / 1000;
    env.log(`resolved ${AUDIENCE} in ${resolvedSeconds.toFixed(1)} s, all queued after ${enqueuedSeconds.toFixed(1)} s; sending`);
    await waitFor(async () => (await count('SENT')) >= AUDIENCE, 1_800_000, 'every message sent');
    const sentSeconds = (Date.now() - started) / 1000;
    const [one, five] = loadavg();
    env.log(`sent ${AUDIENCE} in ${sentSeconds.toFixed(1)} s (sink saw ${sink.count()}); load ${one.toFixed(1)} / ${five.toFixed(1)}`);
    const rate = AUDIENCE / sentSeconds;
    const rows: BenchRow[] = [
      { label: 'dry run (GET …/dry-run)', seconds: (dryMs / 1000).toFixed(2), recipients: dry.recipients },
      { label: 'send request (POST …/send, 202)', seconds: (sendMs / 1000).toFixed(2), recipients: AUDIENCE },
      { label: 'send → every recipient has a delivery row', seconds: resolvedSeconds.toFixed(1), recipients: AUDIENCE },
      { label: 'send → every delivery queued in BullMQ', seconds: enqueuedSeconds.toFixed(1), recipients: AUDIENCE },
      { label: 'send → every message SENT to the local SMTP sink', seconds: sentSeconds.toFixed(1), 'messages/s': Math.round(rate), sink: sink.count() },
    ];
    return {
      scenario: `compose: one message to ${AUDIENCE.toLocaleString('en')} attendees through one worker`,
      rows,
      ratios: [`load average at the end ${one.toFixed(1)} (1 min) / ${five.toFixed(1)} (5 min)`],
    };
  } finally {
    await worker.stop();
    await api.close();
    await sink.close();
    await db.end();
  }
};
