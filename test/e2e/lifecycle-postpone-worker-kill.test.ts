import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditionChangeResultDto } from '@api/lifecycle/lifecycle.dto';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { Wire } from '@test/support/api-types';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, startApi } from '@test/support/harness';
import { SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';
import { WorkerProcess, ensureBuilt, killableWorkerEnv } from '@test/support/worker-process';

const REGISTRANTS = 3_000;
const NAME = 'KubeCon Europe 2030';
const SUBJECT = { en: `${NAME} has been postponed`, 'zh-CN': `${NAME} 已延期` };
/** 30 March → 13 August. */
const SHIFT_MS = 136 * 86_400_000;

/**
 * Amsterdam's postponement at scale: 3,000 registrants (half reading Chinese) and the edition's role holders are
 * told through real worker processes and SMTP on loopback; the worker is killed with sends in flight and another
 * takes over. Each person gets exactly one e-mail in their language with the new dates; windows moved; nothing lost.
 */
describe('postponing an edition with 3,000 registrations, a worker killed during the fan-out', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let workerEnv: Record<string, string>;
  const workers: WorkerProcess[] = [];
  let stalling = false;

  beforeAll(async () => {
    await ensureBuilt();
    env = await isolatedNotificationsEnvironment('postponekill');
    // while `stalling`, sends hang in DATA, so the killed worker dies with messages the server never accepted
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

  it('tells each person once, in their language, with the new dates; windows shifted, nothing lost', async () => {
    const { slug, organiser, event } = await createEventWithOrganiser(api, {
      name: { en: NAME },
      city: { en: 'Amsterdam' },
      country: 'NL',
      timezone: 'Europe/Amsterdam',
      startsAt: '2030-03-30T07:00:00Z',
      endsAt: '2030-04-02T16:00:00Z',
      capacity: 10_000,
    });
    const base = `/v1/events/${slug}`;
    const token = organiser.token;
    const type = await api.http.post<Wire<TicketTypeDto>>(
      `${base}/ticket-types`,
      { name: { en: 'Corporate' }, category: 'CORPORATE', attendance: 'IN_PERSON', priceCents: 109_900, currency: 'EUR', salesStartAt: '2020-01-01T00:00:00Z', salesEndAt: '2030-03-27T00:00:00Z' },
      { token },
    );
    expect(type.status, type.text).toBe(201);
    // 3,000 registrations in a few statements (signing each up would spend minutes in argon2), the English readers' paid
    await db(
      `WITH u AS (
         INSERT INTO users (id, email, password_hash, name, locale, updated_at)
         SELECT gen_random_uuid(), 'amsterdam-' || g || '@test.lectern', 'x', 'Attendee ' || g, CASE WHEN g % 2 = 0 THEN 'en' ELSE 'zh-CN' END, now()
           FROM generate_series(1, $3::int) g
         RETURNING id, email, name, locale)
       INSERT INTO registrations (id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency,
                                  badge_token, paid_at, confirmed_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, u.id, $2::uuid, 'CONFIRMED', u.name, u.email, 109900, 'EUR', md5(random()::text || u.id::text),
              CASE WHEN u.locale = 'en' THEN now() END, now(), now()
         FROM u`,
      [event.id, type.body.id, REGISTRANTS],
    );
    const registrations = () => db<{ state: string; n: number }>('SELECT state::text, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY 1', [event.id]);
    expect(await registrations()).toEqual([{ state: 'CONFIRMED', n: REGISTRANTS }]);
    const first = new WorkerProcess(workerEnv);
    workers.push(first);
    await first.start();

    const postponed = await api.http.request<Wire<EditionChangeResultDto>>('POST', `${base}/postpone`, {
      token,
      body: { startsAt: '2030-08-13T07:00:00Z', endsAt: '2030-08-16T16:00:00Z' },
    });
    expect(postponed.status, postponed.text).toBe(200);
    expect(postponed.body.change).toMatchObject({ kind: 'POSTPONED', windowsShifted: true, registrationsCancelled: 0 });

    const statuses = async () => {
      const rows = await db<{ status: string; n: number }>(
        `SELECT status::text AS status, count(*)::int AS n FROM notification_deliveries WHERE template = 'edition.changed' GROUP BY 1`,
      );
      return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Record<string, number | undefined>;
    };
    await waitUntil(async () => ((await statuses()).SENT ?? 0) >= REGISTRANTS / 5, 600_000, 'a fifth of the messages sent');

    // during the fan-out: the sends in flight hang in DATA, then the worker dies with them
    stalling = true;
    const stalledBefore = sink.dataStarted.length;
    await waitUntil(async () => sink.dataStarted.length >= stalledBefore + 4 && ((await statuses()).SENDING ?? 0) >= 4, 60_000, 'four sends stuck');
    expect((await first.stop('SIGKILL')).signal).toBe('SIGKILL');
    const atKill = await statuses();
    expect(atKill.SENT ?? 0).toBeLessThan(REGISTRANTS);
    stalling = false;

    const second = new WorkerProcess(workerEnv);
    workers.push(second);
    await second.start();
    const everyone = REGISTRANTS + 2; // and the organiser and the administrator, the edition's role holders
    await waitUntil(async () => ((await statuses()).SENT ?? 0) === everyone, 900_000, 'every message SENT');
    // long enough for a duplicate run of any job to have shown up
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await statuses()).toEqual({ SENT: everyone });

    // the postponement's messages (the edition's earlier ones, "published" and the organiser's role, go out too)
    const subjects = new Set(Object.values(SUBJECT));
    const mails = sink.received.filter((mail) => subjects.has(mail.parsed.subject ?? ''));
    const perAddress = new Map<string, number>();
    for (const mail of mails) for (const address of mail.to) perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    const registrants = await db<{ email: string; locale: 'en' | 'zh-CN' }>(
      'SELECT u.email, u.locale FROM registrations r JOIN users u ON u.id = r.user_id WHERE r.event_id = $1',
      [event.id],
    );
    const people = [...registrants, { email: organiser.email, locale: 'en' as const }, { email: api.adminEmail, locale: 'en' as const }];
    expect(people).toHaveLength(everyone);
    expect(people.filter((p) => perAddress.get(p.email) !== 1).map((p) => `${p.email} × ${perAddress.get(p.email) ?? 0}`)).toEqual([]);
    expect(mails).toHaveLength(everyone);
    const byAddress = new Map(mails.map((mail) => [mail.to[0], mail]));
    const wrong: string[] = [];
    for (const { email, locale } of people) {
      const mail = byAddress.get(email)!;
      const newDates = locale === 'zh-CN' ? '2030年8月13日' : 'August 13';
      if (mail.parsed.subject !== SUBJECT[locale] || !(mail.parsed.text ?? '').includes(newDates)) wrong.push(`${email} (${locale}): ${mail.parsed.subject}`);
    }
    expect(wrong).toEqual([]);
    expect(mails.filter((mail) => mail.parsed.subject === SUBJECT['zh-CN'])).toHaveLength(REGISTRANTS / 2);

    // windows moved with the dates; every registration kept, the paid ones still paid
    expect(await db('SELECT sales_end_at FROM ticket_types WHERE id = $1', [type.body.id])).toEqual([
      { sales_end_at: new Date(Date.parse('2030-03-27T00:00:00Z') + SHIFT_MS) },
    ]);
    expect(await registrations()).toEqual([{ state: 'CONFIRMED', n: REGISTRANTS }]);
    expect(await db('SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND paid_at IS NOT NULL', [event.id])).toEqual([{ n: REGISTRANTS / 2 }]);

    const stopped = await second.stop('SIGTERM');
    expect(stopped.code === 0 || stopped.signal === 'SIGTERM').toBe(true);
  }, 1_800_000);
});
