import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComposedMessageDto, DryRunDto } from '@api/notifications/email.dto';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { Wire } from '@test/support/api-types';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, startApi } from '@test/support/harness';
import { SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';
import { WorkerProcess, ensureBuilt, killableWorkerEnv } from '@test/support/worker-process';

const AUDIENCE = 10_000;

describe('a composed message to 10,000 people with a worker killed midway', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let workerEnv: Record<string, string>;
  const workers: WorkerProcess[] = [];
  let stalling = false;

  beforeAll(async () => {
    await ensureBuilt();
    env = await isolatedNotificationsEnvironment('composekill');
    // while `stalling`, the server reads each message and never answers: the worker is killed with its sends in DATA,
    // so none of them was accepted (a kill after the server's 250 and before SENT is committed is the one window
    // that can repeat a message, with the same Message-ID; see DeliveriesService.deliver)
    sink = new SmtpSink({ data: () => (stalling ? 'stall' : null) });
    await sink.start();
    api = await startApi({ DATABASE_URL: env.databaseUrl, REDIS_PREFIX: env.redisPrefix });
    workerEnv = killableWorkerEnv(env, api.config.redis.url, sink.port, { NOTIFY_RELAY_BATCH_SIZE: '500', WORKER_CONCURRENCY: '4' });
  }, 300_000);
  afterAll(async () => {
    for (const worker of workers) await worker.stop('SIGKILL');
    await api?.close();
    await sink?.stop();
    await env?.drop();
  });

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(env.databaseUrl, sql, params);

  it('reaches each of them once', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const base = `/v1/events/${slug}`;
    const token = organiser.token;
    const type = await api.http.post<Wire<TicketTypeDto>>(
      `${base}/ticket-types`,
      { name: { en: 'Livestream', 'zh-CN': '线上' }, category: 'VIRTUAL', attendance: 'VIRTUAL' },
      { token },
    );
    expect(type.status, type.text).toBe(201);
    // 10,000 attendees in a few statements (signing each up would spend minutes in argon2), half reading Chinese
    await db(
      `WITH u AS (
         INSERT INTO users (id, email, password_hash, name, locale, updated_at)
         SELECT gen_random_uuid(), 'many-' || g || '@test.lectern', 'x', 'Attendee ' || g, CASE WHEN g % 2 = 0 THEN 'en' ELSE 'zh-CN' END, now()
           FROM generate_series(1, $3::int) g
         RETURNING id, email, name)
       INSERT INTO registrations (id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency,
                                  badge_token, confirmed_at, updated_at)
       SELECT gen_random_uuid(), e.id, u.id, $2::uuid, 'CONFIRMED', u.name, u.email, 0, 'USD', md5(random()::text || u.id::text), now(), now()
         FROM u, events e WHERE e.slug = $1`,
      [slug, type.body.id, AUDIENCE],
    );

    const composed = await api.http.post<Wire<ComposedMessageDto>>(
      `${base}/messages`,
      {
        subject: { en: 'The livestream of {event}', 'zh-CN': '{event} 直播' },
        body: { en: 'Hello {name},\n\nthe stream starts at 9:00.', 'zh-CN': '{name}，您好\n\n直播九点开始。' },
        audience: { attendees: { attendance: ['VIRTUAL'] } },
      },
      { token },
    );
    expect(composed.status, composed.text).toBe(201);
    const dry = await api.http.get<Wire<DryRunDto>>(`${base}/messages/${composed.body.id}/dry-run`, { token });
    expect(dry.body.recipients).toBe(AUDIENCE);

    const first = new WorkerProcess(workerEnv);
    workers.push(first);
    await first.start();
    const sent = await api.http.post<Wire<ComposedMessageDto>>(`${base}/messages/${composed.body.id}/send`, {}, { token });
    expect(sent.status, sent.text).toBe(202);

    const statuses = async () => {
      const rows = await db<{ status: string; n: number }>(
        `SELECT d.status::text AS status, count(*)::int AS n FROM notification_deliveries d
           JOIN composed_message_sends s ON s.outbox_id = d.outbox_id WHERE s.message_id = $1 GROUP BY d.status`,
        [composed.body.id],
      );
      return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Record<string, number | undefined>;
    };
    await waitUntil(async () => ((await statuses()).SENT ?? 0) >= AUDIENCE / 5, 900_000, 'a fifth of the messages sent');

    // midway: the sends in flight hang in DATA, then the worker dies with them
    stalling = true;
    const stalledBefore = sink.dataStarted.length;
    await waitUntil(async () => sink.dataStarted.length >= stalledBefore + 4 && ((await statuses()).SENDING ?? 0) >= 4, 60_000, 'four sends stuck');
    const killed = await first.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const atKill = await statuses();
    expect(atKill.SENDING).toBeGreaterThanOrEqual(4);
    expect(atKill.SENT ?? 0).toBeLessThan(AUDIENCE);
    stalling = false;

    const second = new WorkerProcess(workerEnv);
    workers.push(second);
    await second.start();
    await waitUntil(async () => ((await statuses()).SENT ?? 0) === AUDIENCE, 1_500_000, 'every message SENT');
    // long enough for a duplicate run of any job to have shown up
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    expect(await statuses()).toEqual({ SENT: AUDIENCE });
    const perAddress = new Map<string, number>();
    for (const mail of sink.received) for (const address of mail.to) perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    const audience = new Set((await db<{ email: string }>(`SELECT email FROM users WHERE email LIKE 'many-%@test.lectern'`)).map((r) => r.email));
    const composedTo = sink.received.filter((mail) => mail.to.some((address) => audience.has(address)));
    expect(composedTo).toHaveLength(AUDIENCE);
    expect([...audience].filter((address) => perAddress.get(address) !== 1)).toEqual([]);
    // each in their language
    const chinese = composedTo.filter((mail) => mail.parsed.subject === 'Test Conference 直播').length;
    expect(chinese).toBe(AUDIENCE / 2);

    const stopped = await second.stop('SIGTERM');
    expect(stopped.code === 0 || stopped.signal === 'SIGTERM').toBe(true);
  }, 2_400_000);
});
