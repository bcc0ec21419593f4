import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { query } from '@test/support/databases';
import { TEST_PASSWORD, TestApi, createEventWithOrganiser, logIn, startApi, testConfig } from '@test/support/harness';
import { SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';
import { DisposableRedis, freePort } from '@test/support/disposable-redis';

describe('notifications while Redis is down', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let redis: DisposableRedis;
  let sink: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    env = await isolatedNotificationsEnvironment('outage');
    redis = new DisposableRedis(await freePort());
    await redis.start();
    // a slow mail server keeps the worker busy, so jobs pile up in Redis and are lost with it
    sink = new SmtpSink({ data: () => ({ delayMs: 700 }) });
    await sink.start();
    const overrides = {
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: env.redisPrefix,
      SMTP_PORT: String(sink.port),
      NOTIFY_RELAY_EVERY_MS: '100',
      NOTIFY_STALE_AFTER_SECONDS: '2',
      NOTIFY_BACKOFF_MS: '200',
      SMTP_TIMEOUT_MS: '10000',
      NOTIFY_SEND_LEASE_SECONDS: '20',
      NOTIFY_JOB_LOCK_MS: '2000',
    };
    api = await startApi(overrides);
    worker = await createWorker(testConfig(overrides), pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.kill();
    await sink?.stop();
    await env?.drop();
  });

  it('keeps accepting changes while Redis is down and delivers every message exactly once after it returns', async () => {
    const { slug } = await createEventWithOrganiser(api);
    const adminToken = await logIn(api.http, api.adminEmail);
    // the edition's own three messages (organiser's role, "published" twice) go out before the burst
    await sink.waitFor(() => sink.received.length === 3, 20_000);
    const people = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const email = `burst-${i}-${randomBytes(3).toString('hex')}@test.lectern`;
        const response = await api.http.post('/v1/auth/signup', {
          email,
          password: TEST_PASSWORD,
          name: `Burst ${i}`,
          locale: i % 2 === 0 ? 'en' : 'zh-CN',
        });
        expect(response.status).toBe(201);
        return email;
      }),
    );
    const grant = (email: string) => api.http.post(`/v1/events/${slug}/roles`, { email, role: 'REVIEWER' }, { token: adminToken });

    const count = async (sql: string) => (await query<{ n: number }>(env.databaseUrl, sql))[0].n;
    const queuedDispatches = () => count(`SELECT count(*)::int AS n FROM notification_dispatches WHERE status = 'QUEUED'`);
    const queuedDeliveries = () =>
      count(`SELECT count(*)::int AS n FROM notification_deliveries WHERE status = 'PENDING' AND enqueued_at IS NOT NULL`);

    // the burst: Redis dies while it holds waiting dispatch and delivery jobs, and the grants go on
    const first = await Promise.all(people.slice(0, 8).map(grant));
    await waitUntil(async () => (await queuedDeliveries()) > 0, 20_000, 'delivery jobs waiting in Redis');
    const second = await Promise.all(people.slice(8, 12).map(grant));
    await waitUntil(
      async () => (await queuedDispatches()) > 0 && (await queuedDeliveries()) > 0,
      20_000,
      'dispatch and delivery jobs waiting in Redis',
    );
    await redis.kill();
    const rest = await Promise.all(people.slice(12).map(grant));
    expect([...first, ...second, ...rest].map((r) => r.status)).toEqual(people.map(() => 201));

    // nothing is lost meanwhile: the grants made during the outage wait, unrelayed, in the outbox
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const waiting = await query<{ n: number }>(
      env.databaseUrl,
      `SELECT count(*)::int AS n FROM outbox WHERE type = 'role.granted' AND processed_at IS NULL`,
    );
    expect(waiting[0].n).toBeGreaterThanOrEqual(12);

    // Redis comes back on the same port, empty: whatever jobs it held are gone
    await redis.start();
    await sink.waitFor(
      () => people.every((email) => sink.to(email).length >= 1),
      45_000,
      () => `${people.filter((email) => sink.to(email).length >= 1).length}/${people.length} people reached`,
    );
    await waitUntil(
      async () =>
        (await query<{ n: number }>(env.databaseUrl, `SELECT count(*)::int AS n FROM notification_deliveries WHERE status <> 'SENT'`))[0]
          .n === 0,
      20_000,
      'every delivery SENT',
    );
    // past the reconciler's staleness window, so a duplicate would have had its chance
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const email of people) expect(sink.to(email), email).toHaveLength(1);
    const messageIds = sink.received.map((m) => m.parsed.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    const zh = sink.to(people[1])[0];
    expect(zh.parsed.subject).toBe('您已成为 Test Conference 的评审');
  });
});
