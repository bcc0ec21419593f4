import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, signUp, startApi } from '@test/support/harness';
import { Wire } from '@test/support/api-types';
import { isolatedNotificationsEnvironment, SmtpSink, waitUntil } from '@test/support/smtp-sink';
import { DisposableRedis, freePort } from '@test/support/disposable-redis';
import { WebhookReceiver, verifyStandardWebhook } from '@test/support/webhook-receiver';
import { WorkerProcess, ensureBuilt } from '@test/support/worker-process';
import { CreatedWebhookDto } from '@api/integrations/webhooks.dto';
import { RegistrationDto } from '@api/registrations/registrations.dto';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';

describe('webhooks through a Redis outage and a killed worker', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let redis: DisposableRedis;
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  let api: TestApi;
  let workerEnv: Record<string, string>;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    env = await isolatedNotificationsEnvironment('webhook_outage');
    redis = new DisposableRedis(await freePort());
    await redis.start();
    sink = new SmtpSink();
    await sink.start();
    // a slow subscriber keeps deliveries in flight, so Redis and the worker die holding some
    receiver = new WebhookReceiver(() => ({ status: 200, delayMs: 300 }));
    await receiver.start();
    api = await startApi({ DATABASE_URL: env.databaseUrl, REDIS_URL: redis.url, REDIS_PREFIX: env.redisPrefix, WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
    workerEnv = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: env.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: redis.url,
      REDIS_PREFIX: env.redisPrefix,
      SMTP_PORT: String(sink.port),
      MAIL_FROM: 'Lectern <no-reply@lectern.test>',
      NOTIFY_RELAY_EVERY_MS: '100',
      NOTIFY_STALE_AFTER_SECONDS: '3',
      NOTIFY_JOB_LOCK_MS: '2000',
      MAINTENANCE_EVERY_SECONDS: '3600',
      WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
      WEBHOOK_BACKOFF_MS: '200',
      WEBHOOK_MAX_ATTEMPTS: '20',
      WEBHOOK_TIMEOUT_MS: '5000',
    };
  }, 300_000);
  afterAll(async () => {
    for (const worker of workers) await worker.stop('SIGKILL');
    await api?.close();
    await redis?.kill();
    await receiver?.stop();
    await sink?.stop();
    await env?.drop();
  });

  const deliveries = () =>
    query<{ id: string; status: string; body: string }>(env.databaseUrl, `SELECT id, status::text AS status, body FROM webhook_deliveries ORDER BY created_at`);

  it('delivers every webhook, losing none, duplicating only as retries of one webhook-id', async () => {
    const first = new WorkerProcess(workerEnv);
    workers.push(first);
    await first.start();

    const { slug, organiser } = await createEventWithOrganiser(api);
    const type = await api.http.post<Wire<TicketTypeDto>>(
      `/v1/events/${slug}/ticket-types`,
      { name: { en: 'Individual' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' },
      { token: organiser.token },
    );
    const webhook = await api.http.post<Wire<CreatedWebhookDto>>(
      `/v1/events/${slug}/webhooks`,
      { url: receiver.url('/hook'), eventTypes: ['registration.confirmed'] },
      { token: organiser.token },
    );
    expect(webhook.status).toBe(201);
    const attendees = await Promise.all(Array.from({ length: 30 }, () => signUp(api.http, 'burst')));
    const register = (token: string) =>
      api.http.post<Wire<RegistrationDto>>(`/v1/events/${slug}/registrations`, { ticketTypeId: type.body.id, attendeeName: 'Burst' }, { token });

    // a burst; Redis dies while its deliveries are queued and in flight, and the burst goes on without it
    const registered: string[] = [];
    for (const a of attendees.slice(0, 10)) registered.push((await register(a.token)).body.id);
    await waitUntil(() => Promise.resolve(receiver.received.length >= 2), 20_000, 'the first webhooks');
    await redis.kill();
    const during = await Promise.all(attendees.slice(10, 20).map((a) => register(a.token)));
    expect(during.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 201));
    registered.push(...during.map((r) => r.body.id));
    await redis.start();

    // the rest, and the worker is killed while a delivery is in flight
    for (const a of attendees.slice(20)) registered.push((await register(a.token)).body.id);
    const before = receiver.received.length;
    await waitUntil(() => Promise.resolve(receiver.received.length > before), 30_000, 'deliveries after the outage');
    const killed = await first.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');

    const second = new WorkerProcess(workerEnv);
    workers.push(second);
    await second.start();
    await waitUntil(
      async () => {
        const rows = await deliveries();
        return rows.length === 30 && rows.every((r) => r.status === 'DELIVERED');
      },
      90_000,
      'all 30 deliveries DELIVERED',
    );
    // long enough for a duplicate run to show up
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const rows = await deliveries();
    const received = receiver.at('/hook');
    const byId = new Map<string, typeof received>();
    for (const r of received) byId.set(r.headers['webhook-id'] as string, [...(byId.get(r.headers['webhook-id'] as string) ?? []), r]);
    // every delivery arrived; nothing arrived that is not a delivery
    expect([...byId.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
    // every registration was announced under exactly one webhook-id; repeats of an id carry the same body
    const registrationIds = rows.map((r) => (JSON.parse(r.body) as { data: { registrationId: string } }).data.registrationId);
    expect(registrationIds.sort()).toEqual([...registered].sort());
    for (const row of rows) for (const copy of byId.get(row.id)!) expect(copy.body).toBe(row.body);
    for (const r of received) expect(await verifyStandardWebhook(webhook.body.secret, r.headers, r.body)).toBe(true);
    console.log(`webhooks e2e: ${rows.length} deliveries, ${received.length} requests received (${received.length - rows.length} retries)`);

    await second.stop('SIGTERM');
  }, 240_000);
});
