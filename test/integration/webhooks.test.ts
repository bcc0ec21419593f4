import { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { MetricsService } from '@lectern/metrics/metrics.service';
import { isPublicAddress } from '@lectern/domains/integrations/webhook-target.policy';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, signUp, startApi, testConfig } from '@test/support/harness';
import { Problem, Wire } from '@test/support/api-types';
import { SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';
import { Reply, WebhookReceiver, verifyStandardWebhook } from '@test/support/webhook-receiver';
import { CreatedWebhookDto, RotatedWebhookSecretDto, WebhookDeliveryDto, WebhookDto } from '@api/integrations/webhooks.dto';
import { RegistrationDto } from '@api/registrations/registrations.dto';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';

describe('webhooks (outbox → fan-out → BullMQ → signed POST)', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  let api: TestApi;
  let worker: INestApplicationContext;
  const replies = new Map<string, (nth: number) => Reply>();

  beforeAll(async () => {
    env = await isolatedNotificationsEnvironment('webhooks');
    sink = new SmtpSink();
    await sink.start();
    receiver = new WebhookReceiver((path, nth) => replies.get(path)?.(nth) ?? 200);
    await receiver.start();
    const overrides = env.overrides(sink, {
      WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
      WEBHOOK_TIMEOUT_MS: '500',
      WEBHOOK_BACKOFF_MS: '400',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_DISABLE_AFTER_FAILURES: '6',
    });
    api = await startApi(overrides);
    worker = await createWorker(testConfig(overrides), pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.stop();
    await sink?.stop();
    await env?.drop();
  });

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(env.databaseUrl, sql, params);

  /** An edition with a free ticket type, and a subscription of `path` on the receiver. */
  async function subscribed(path: string, eventTypes = ['registration.confirmed', 'registration.cancelled', 'checkin.recorded']) {
    const edition = await createEventWithOrganiser(api);
    const type = await api.http.post<Wire<TicketTypeDto>>(
      `/v1/events/${edition.slug}/ticket-types`,
      { name: { en: 'Individual' }, category: 'INDIVIDUAL', attendance: 'IN_PERSON' },
      { token: edition.organiser.token },
    );
    const webhook = await api.http.post<Wire<CreatedWebhookDto>>(
      `/v1/events/${edition.slug}/webhooks`,
      { url: receiver.url(path), eventTypes },
      { token: edition.organiser.token },
    );
    expect(webhook.status, webhook.text).toBe(201);
    expect(webhook.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const register = async (name = 'Grace Hopper') => {
      const attendee = await signUp(api.http, 'attendee');
      const created = await api.http.post<Wire<RegistrationDto>>(
        `/v1/events/${edition.slug}/registrations`,
        { ticketTypeId: type.body.id, attendeeName: name, consentToReport: true, country: 'jp', gender: 'PREFER_NOT_TO_SAY' },
        { token: attendee.token },
      );
      expect(created.status).toBe(201);
      return created.body;
    };
    return { ...edition, webhook: webhook.body, register };
  }

  const log = async (slug: string, token: string, id: string) =>
    (await api.http.get<Wire<WebhookDeliveryDto>[]>(`/v1/events/${slug}/webhooks/${id}/deliveries`, { token })).body;

  it('delivers signed, versioned payloads with ids only, verified by an independent implementation', async () => {
    const { slug, organiser, webhook, register } = await subscribed('/crm');
    const registration = await register('Ada Lovelace');
    await waitUntil(() => Promise.resolve(receiver.at('/crm').length >= 1), 15_000, 'the webhook');
    const [received] = receiver.at('/crm');
    expect(await verifyStandardWebhook(webhook.secret, received.headers, received.body)).toBe(true);
    expect(await verifyStandardWebhook(webhook.secret, received.headers, received.body.replace('confirmed', 'cancelled'))).toBe(false);
    const payload = JSON.parse(received.body) as Record<string, unknown>;
    expect(payload).toEqual({
      type: 'registration.confirmed',
      version: 1,
      timestamp: expect.any(String) as string,
      data: { eventId: expect.any(String) as string, registrationId: registration.id },
    });
    // nothing an attendee said about themselves, not even their name
    for (const text of ['Ada', 'Lovelace', 'JP', 'PREFER_NOT_TO_SAY', registration.badgeToken!]) expect(received.body).not.toContain(text);

    await waitUntil(async () => (await log(slug, organiser.token, webhook.id))[0]?.status === 'DELIVERED', 5_000, 'the log');
    const [entry] = await log(slug, organiser.token, webhook.id);
    expect(entry).toMatchObject({ id: received.headers['webhook-id'], eventType: 'registration.confirmed', attempts: 1, lastStatusCode: 200 });
    expect(entry.log).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, error: null })]);

    // check-in is a webhook too
    await api.http.post(`/v1/events/${slug}/check-ins`, { badgeToken: registration.badgeToken }, { token: organiser.token });
    await waitUntil(() => Promise.resolve(receiver.at('/crm').some((r) => r.body.includes('checkin.recorded'))), 15_000, 'the check-in webhook');
  });

  it('retries after 500s and timeouts with the same webhook-id, backing off', async () => {
    const deliveries = worker.get(MetricsService).deliveries;
    const counted = async (outcome: string) =>
      (await deliveries.get()).values.find((v) => v.labels.channel === 'webhook' && v.labels.outcome === outcome)?.value ?? 0;
    const [sentBefore, retriesBefore] = [await counted('sent'), await counted('retry')];
    replies.set('/flaky', (nth) => (nth <= 2 ? 500 : 200));
    replies.set('/slow', (nth) => (nth === 1 ? 'hang' : 204));
    const flaky = await subscribed('/flaky');
    const slow = await subscribed('/slow');
    await flaky.register();
    await slow.register();
    await waitUntil(() => Promise.resolve(receiver.at('/flaky').length >= 3 && receiver.at('/slow').length >= 2), 20_000, 'the retries');

    const flakyIds = new Set(receiver.at('/flaky').map((r) => r.headers['webhook-id']));
    expect(flakyIds.size).toBe(1);
    const slowIds = new Set(receiver.at('/slow').map((r) => r.headers['webhook-id']));
    expect(slowIds.size).toBe(1);
    // every attempt is signed afresh and verifies
    for (const r of receiver.at('/flaky')) expect(await verifyStandardWebhook(flaky.webhook.secret, r.headers, r.body)).toBe(true);
    // exponential: 400 ms, then 800 ms
    const gaps = receiver.at('/flaky').map((r, i, all) => (i === 0 ? 0 : r.at - all[i - 1].at));
    expect(gaps[1]).toBeGreaterThanOrEqual(400);
    expect(gaps[2]).toBeGreaterThanOrEqual(800);

    await waitUntil(async () => (await log(flaky.slug, flaky.organiser.token, flaky.webhook.id))[0]?.status === 'DELIVERED', 5_000, 'delivered');
    const [entry] = await log(flaky.slug, flaky.organiser.token, flaky.webhook.id);
    expect(entry.log.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    // the worker's /metrics counts each outcome: the two 500s and the timeout as retries, both deliveries as sent
    await waitUntil(async () => (await counted('sent')) >= sentBefore + 2, 5_000, 'both deliveries counted');
    expect(await counted('retry')).toBe(retriesBefore + 3);
    await waitUntil(async () => (await log(slow.slug, slow.organiser.token, slow.webhook.id))[0]?.status === 'DELIVERED', 5_000, 'delivered');
    const [slowEntry] = await log(slow.slug, slow.organiser.token, slow.webhook.id);
    expect(slowEntry.log).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: null, error: expect.stringContaining('timed out') as string }),
      expect.objectContaining({ attempt: 2, statusCode: 204 }),
    ]);
  });

  it('signs with both secrets while a rotation overlaps', async () => {
    const { slug, organiser, webhook, register } = await subscribed('/rotating');
    const rotated = await api.http.post<Wire<RotatedWebhookSecretDto>>(`/v1/events/${slug}/webhooks/${webhook.id}/rotate-secret`, undefined, {
      token: organiser.token,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(webhook.secret);
    await register();
    await waitUntil(() => Promise.resolve(receiver.at('/rotating').length >= 1), 15_000, 'the webhook');
    const [received] = receiver.at('/rotating');
    expect((received.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(await verifyStandardWebhook(webhook.secret, received.headers, received.body)).toBe(true);
    expect(await verifyStandardWebhook(rotated.body.secret, received.headers, received.body)).toBe(true);
  });

  it('disables a subscription after a run of failures, tells the organisers, and redelivers on request', async () => {
    let up = false;
    replies.set('/down', () => (up ? 200 : 500));
    const { slug, organiser, webhook, register } = await subscribed('/down');
    // 4 attempts fail the first delivery for good; the second delivery's 2nd failure is the 6th in a row
    await register();
    await waitUntil(async () => (await log(slug, organiser.token, webhook.id))[0]?.status === 'FAILED', 20_000, 'the first to fail');
    const [failed] = await log(slug, organiser.token, webhook.id);
    expect(failed.attempts).toBe(4);
    expect(failed.log.map((a) => a.statusCode)).toEqual([500, 500, 500, 500]);
    await register();
    await waitUntil(
      async () => (await api.http.get<Wire<WebhookDto>[]>(`/v1/events/${slug}/webhooks`, { token: organiser.token })).body[0]?.active === false,
      20_000,
      'the subscription to be disabled',
    );
    const told = () => sink.to(organiser.email).filter((mail) => mail.parsed.subject?.includes('webhook'));
    await sink.waitFor(() => told().length > 0, 15_000);
    // the URL is shown as text, defanged so that mail clients do not link it
    expect(told()[0].parsed.text).toContain(`http[:]//127.0.0.1:${receiver.port}/down`);
    const attemptsWhileDown = receiver.at('/down').length;
    expect(attemptsWhileDown).toBe(6);

    up = true;
    const redeliver = await api.http.post(`/v1/events/${slug}/webhooks/${webhook.id}/deliveries/${failed.id}/redeliver`, undefined, {
      token: organiser.token,
    });
    expect(redeliver.status).toBe(202);
    const enabled = await api.http.patch<Wire<WebhookDto>>(`/v1/events/${slug}/webhooks/${webhook.id}`, { active: true }, { token: organiser.token });
    expect(enabled.body).toMatchObject({ active: true, consecutiveFailures: 0 });
    await waitUntil(async () => (await log(slug, organiser.token, webhook.id)).every((e) => e.status === 'DELIVERED'), 15_000, 'both delivered');
    expect(receiver.at('/down').slice(attemptsWhileDown).map((r) => r.headers['webhook-id'])).toContain(failed.id);
  });

  it('lets only organisers manage webhooks, never with an API token', async () => {
    const { slug, organiser, webhook } = await subscribed('/private');
    const reviewer = await signUp(api.http, 'reviewer');
    await api.http.post(`/v1/events/${slug}/roles`, { email: reviewer.email, role: 'REVIEWER' }, { token: organiser.token });
    expect((await api.http.get(`/v1/events/${slug}/webhooks`, { token: reviewer.token })).status).toBe(403);
    const token = await api.http.post<{ secret: string }>(
      '/v1/me/api-tokens',
      { name: 'x', eventSlug: slug, scopes: ['registrations:write'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      { token: organiser.token },
    );
    const withToken = await api.http.get<Problem>(`/v1/events/${slug}/webhooks`, { token: token.body.secret });
    expect(withToken.body.code).toBe('API_TOKEN_ROUTE_NOT_ALLOWED');
    const listed = await api.http.get<Wire<WebhookDto>[]>(`/v1/events/${slug}/webhooks`, { token: organiser.token });
    expect(listed.text).not.toContain('whsec_');
    expect(listed.body.map((w) => w.id)).toEqual([webhook.id]);
    expect(await db(`SELECT 1 FROM audit_log WHERE action = 'webhook.created' AND entity_id = $1`, [webhook.id])).toHaveLength(1);
  });
});

describe('webhook targets in production', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production', SMTP_HOST: '127.0.0.1', MAIL_FROM: 'Lectern <no-reply@lectern.test>', PUBLIC_BASE_URL: 'https://lectern.test' });
  });
  afterAll(() => api?.close());

  it('refuses http, loopback, private, link-local and metadata addresses', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://192.168.0.10/hook',
      'https://172.20.0.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://[::ffff:10.0.0.1]/hook',
      'https://localhost/hook',
      'https://user:pass@example.org/hook',
      'ftp://example.org/hook',
    ]) {
      const refused = await api.http.post<Problem>(`/v1/events/${slug}/webhooks`, { url, eventTypes: ['registration.confirmed'] }, { token: organiser.token });
      expect(refused.status, url).toBe(400);
      expect(refused.body.code, url).toBe('WEBHOOK_TARGET_UNSAFE');
    }
  });

  it('knows public from non-public addresses', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPublicAddress(address), address).toBe(true);
    for (const address of ['127.0.0.1', '10.0.0.1', '100.64.0.1', '169.254.169.254', '172.31.255.255', '192.168.1.1', '0.0.0.0', '::1', 'fe80::1', 'fc00::1', '::ffff:127.0.0.1', 'not-an-ip']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});
