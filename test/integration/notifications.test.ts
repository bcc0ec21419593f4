import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { PrismaService } from '@lectern/database/prisma.service';
import { MetricsService } from '@lectern/metrics/metrics.service';
import { JOB_OPTIONS, QUEUES } from '@lectern/queue/queue.contract';
import { query } from '@test/support/databases';
import { TEST_PASSWORD, TestApi, createEventWithOrganiser, logIn, signUp, startApi, testConfig } from '@test/support/harness';
import { SmtpSink, isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';
import { Problem, Wire } from '@test/support/api-types';
import { SessionDto } from '@api/auth/auth.dto';
import { AuditPageDto } from '@api/events/events.dto';
import { NotificationDto, NotificationPageDto, NotificationSummaryDto } from '@api/notifications/notifications.dto';
import { bullConnection } from '@lectern/redis/redis.connection';

describe('notifications (relay → BullMQ → SMTP)', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let sink: SmtpSink;
  let api: TestApi;
  let worker: INestApplicationContext;
  let queue: Queue;
  let adminToken: string;
  const rcptAttempts = new Map<string, number>();
  const slowAddresses = new Set<string>();
  const unknownMailboxes = new Set<string>();

  beforeAll(async () => {
    env = await isolatedNotificationsEnvironment('notif');
    sink = new SmtpSink({
      rcpt: (address) => {
        rcptAttempts.set(address, (rcptAttempts.get(address) ?? 0) + 1);
        if (unknownMailboxes.has(address)) return { code: 550, message: '5.1.1 No such user here' };
        if (address.endsWith('@busy.test') && rcptAttempts.get(address)! <= 2) return { code: 451, message: '4.3.0 Try again later' };
        return null;
      },
      data: (to) => (to.some((address) => slowAddresses.has(address)) ? { delayMs: 1_000 } : null),
    });
    await sink.start();
    const overrides = env.overrides(sink, { SMTP_TIMEOUT_MS: '4000', NOTIFY_SEND_LEASE_SECONDS: '8' });
    api = await startApi(overrides);
    worker = await createWorker(testConfig(overrides), pino({ level: 'silent' }));
    queue = new Queue(QUEUES.notifications, bullConnection(api.config.redis, 'producer'));
    adminToken = await logIn(api.http, api.adminEmail);
  });
  afterAll(async () => {
    await queue?.close();
    await worker?.close();
    await api?.close();
    await sink?.stop();
    await env?.drop();
  });

  async function signUpIn(language: string, domain = 'test.lectern', name = `Speaker ${language}`) {
    const email = `user-${randomBytes(4).toString('hex')}@${domain}`;
    const response = await api.http.post<Wire<SessionDto>>('/v1/auth/signup', { email, password: TEST_PASSWORD, name, locale: language });
    expect(response.status).toBe(201);
    return { email, token: response.body.token };
  }

  const grant = (slug: string, email: string, role = 'REVIEWER') =>
    api.http.post(`/v1/events/${slug}/roles`, { email, role }, { token: adminToken });

  /** The worker's count of SMTP delivery attempts that ended with `outcome`. */
  const smtpOutcomes = async (outcome: 'sent' | 'retry' | 'failed') => {
    const { values } = await worker.get(MetricsService).deliveries.get();
    return values.find((v) => v.labels.channel === 'smtp' && v.labels.outcome === outcome)?.value ?? 0;
  };

  const deliveryOf = async (email: string) => {
    const rows = await query<{ id: string; status: string; attempts: number; generation: number; last_error: string | null }>(
      env.databaseUrl,
      `SELECT id, status, attempts, generation, last_error FROM notification_deliveries WHERE recipient_email = $1 ORDER BY created_at`,
      [email],
    );
    return rows;
  };

  it('writes to each person in their language where the edition publishes in it, else in its primary one', async () => {
    const seoul = await createEventWithOrganiser(
      api, { name: { en: 'Kubernetes Forum Seoul 2030', ko: '쿠버네티스 포럼 서울 2030' }, city: { en: 'Seoul', ko: '서울' } }, true, ['en', 'ko'],
    );
    const tokyo = await createEventWithOrganiser(
      api, { name: { en: 'KubeCon Japan 2030', ja: 'KubeCon 日本 2030' }, city: { en: 'Tokyo', ja: '東京' } }, true, ['en', 'ja'],
    );
    const ko = await signUpIn('ko', 'test.lectern', '김민준');
    const ja = await signUpIn('ja', 'test.lectern', '佐藤花子');
    for (const { slug } of [seoul, tokyo]) {
      expect((await grant(slug, ko.email)).status).toBe(201);
      expect((await grant(slug, ja.email)).status).toBe(201);
    }
    await sink.waitFor(() => sink.to(ko.email).length === 2 && sink.to(ja.email).length === 2, 30_000, () =>
      JSON.stringify([...sink.to(ko.email), ...sink.to(ja.email)].map((mail) => [mail.to, mail.parsed.subject])));
    const about = (email: string, name: RegExp) => sink.to(email).find((mail) => name.test(mail.parsed.text ?? ''))!;

    const koInSeoul = about(ko.email, /쿠버네티스 포럼|Forum Seoul/);
    expect(koInSeoul.parsed.subject).toContain('쿠버네티스 포럼 서울 2030');
    expect(koInSeoul.parsed.html).toContain('<html lang="ko">');
    const jaInTokyo = about(ja.email, /KubeCon 日本|KubeCon Japan/);
    expect(jaInTokyo.parsed.subject).toContain('KubeCon 日本 2030');
    expect(jaInTokyo.parsed.html).toContain('<html lang="ja">');
    // Seoul does not publish in Japanese nor Tokyo in Korean: the edition's primary language, English, with its English name
    const jaInSeoul = about(ja.email, /쿠버네티스 포럼|Forum Seoul/);
    expect(jaInSeoul.parsed.subject).toBe('You are now a reviewer of Kubernetes Forum Seoul 2030');
    expect(jaInSeoul.parsed.html).toContain('<html lang="en">');
    const koInTokyo = about(ko.email, /KubeCon 日本|KubeCon Japan/);
    expect(koInTokyo.parsed.subject).toBe('You are now a reviewer of KubeCon Japan 2030');
  });

  it('e-mails people given a role in their own language, with a plain-text and an HTML part', async () => {
    const { slug } = await createEventWithOrganiser(api, { name: { en: 'KubeCon China 2030', 'zh-CN': 'KubeCon 中国 2030' } });
    const en = await signUpIn('en', 'test.lectern', 'Ada <b>Lovelace</b>');
    const zh = await signUpIn('zh-CN', 'test.lectern', '李雷');
    expect((await grant(slug, en.email)).status).toBe(201);
    expect((await grant(slug, zh.email)).status).toBe(201);
    await sink.waitFor(() => sink.to(en.email).length === 1 && sink.to(zh.email).length === 1, 20_000);

    const [english] = sink.to(en.email);
    expect(english.parsed.subject).toBe('You are now a reviewer of KubeCon China 2030');
    expect(english.parsed.text).toContain('Hello Ada <b>Lovelace</b>,');
    expect(english.parsed.html).toContain('Hello Ada &lt;b&gt;Lovelace&lt;/b&gt;,');
    expect(english.parsed.html).toContain(`href="https://lectern.test/events/${slug}"`);
    expect(english.parsed.from?.text).toBe('"Lectern Test" <no-reply@lectern.test>');
    expect(english.parsed.messageId).toMatch(/^<delivery-[0-9a-f-]{36}-1@lectern\.test>$/);
    expect(english.parsed.headers.get('auto-submitted')).toBe('auto-generated');

    const [chinese] = sink.to(zh.email);
    expect(chinese.parsed.subject).toBe('您已成为 KubeCon 中国 2030 的评审');
    expect(chinese.parsed.text).toContain('李雷，您好：');
    expect(chinese.parsed.text).toContain('您已被设为 KubeCon 中国 2030 的评审。');
    expect(chinese.parsed.html).toContain('<html lang="zh-CN">');

    // the SMTP server has the message a moment before the worker records it as sent
    let item: Wire<NotificationDto> | undefined;
    await waitUntil(async () => {
      const listed = await api.http.get<Wire<NotificationPageDto>>(`/v1/events/${slug}/notifications?status=SENT`, { token: adminToken });
      expect(listed.status).toBe(200);
      item = listed.body.items.find((i) => i.recipientEmail === zh.email);
      return item !== undefined;
    }, 10_000, 'the delivery to be recorded as sent');
    expect(item).toMatchObject({ template: 'role.granted', status: 'SENT', attempts: 1, generation: 1, language: 'zh-CN', lastError: null });
    expect(item?.subject).toBe('您已成为 KubeCon 中国 2030 的评审');
    expect(item?.sentAt).not.toBeNull();
    const stored = await query<{ provider_message_id: string; message_id: string }>(
      env.databaseUrl,
      'SELECT provider_message_id, message_id FROM notification_deliveries WHERE id = $1',
      [item!.id],
    );
    expect(stored[0].provider_message_id).toMatch(/^Q[0-9A-F]{10}$/);
    expect(stored[0].message_id).toBe(chinese.parsed.messageId);

    // event types that cause no message are relayed (marked processed) without a dispatch job
    const created = await query<{ processed: boolean; dispatched: boolean }>(
      env.databaseUrl,
      `SELECT o.processed_at IS NOT NULL AS processed, d.outbox_id IS NOT NULL AS dispatched
         FROM outbox o JOIN events e ON e.id = o.event_id LEFT JOIN notification_dispatches d ON d.outbox_id = o.id
        WHERE e.slug = $1 AND o.type = 'event.created'`,
      [slug],
    );
    expect(created).toEqual([{ processed: true, dispatched: false }]);
  });

  it('records a rejected address as a permanent failure organisers can see, and sends it again once fixed', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const bouncing = await signUpIn('en');
    const failedBefore = await smtpOutcomes('failed');
    unknownMailboxes.add(bouncing.email);
    await grant(slug, bouncing.email);
    await waitUntil(async () => (await deliveryOf(bouncing.email))[0]?.status === 'FAILED', 20_000, 'the failure');
    const [failed] = await deliveryOf(bouncing.email);
    // a 5xx is not retried
    expect(failed.attempts).toBe(1);
    expect(rcptAttempts.get(bouncing.email)).toBe(1);
    expect(failed.last_error).toContain('550');
    expect(sink.to(bouncing.email)).toHaveLength(0);
    expect(await smtpOutcomes('failed')).toBe(failedBefore + 1);

    const organiserToken = await logIn(api.http, organiser.email);
    const view = await api.http.get<Wire<NotificationPageDto>>(`/v1/events/${slug}/notifications?status=FAILED`, { token: organiserToken, lang: 'zh-CN' });
    expect(view.status).toBe(200);
    expect(view.body.items).toHaveLength(1);
    expect(view.body.items[0]).toMatchObject({ id: failed.id, status: 'FAILED', recipientEmail: bouncing.email });
    expect(view.body.items[0].lastError).toMatch(/550 .*No such user/);
    const summary = await api.http.get<Wire<NotificationSummaryDto>>(`/v1/events/${slug}/notifications/summary`, { token: organiserToken });
    expect(summary.body).toMatchObject({ failed: 1, pending: 0, sending: 0 });
    expect(summary.body.sent).toBeGreaterThanOrEqual(1);

    // the mailbox now exists: resending delivers it, as generation 2
    unknownMailboxes.delete(bouncing.email);
    const resent = await api.http.post(`/v1/events/${slug}/notifications/${failed.id}/resend`, undefined, { token: organiserToken });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ id: failed.id, status: 'PENDING', generation: 2, attempts: 0, lastError: null });
    await sink.waitFor(() => sink.to(bouncing.email).length === 1, 20_000);
    expect(sink.to(bouncing.email)[0].parsed.messageId).toMatch(/-2@lectern\.test>$/);
    await waitUntil(async () => (await deliveryOf(bouncing.email))[0]?.status === 'SENT', 10_000, 'SENT');
    const audit = await api.http.get<Wire<AuditPageDto>>(`/v1/events/${slug}/audit`, { token: organiserToken });
    expect(audit.body.items[0]).toMatchObject({ action: 'notification.resent', entityId: failed.id });
  });

  it('retries a temporary 4xx with backoff and delivers the message once', async () => {
    const { slug } = await createEventWithOrganiser(api);
    const busy = await signUpIn('zh-CN', 'busy.test');
    const [retriesBefore, sentBefore] = [await smtpOutcomes('retry'), await smtpOutcomes('sent')];
    await grant(slug, busy.email);
    await sink.waitFor(() => sink.to(busy.email).length === 1, 20_000);
    await waitUntil(async () => (await deliveryOf(busy.email))[0]?.status === 'SENT', 10_000, 'SENT');
    expect(rcptAttempts.get(busy.email)).toBe(3);
    expect((await deliveryOf(busy.email))[0]).toMatchObject({ attempts: 3, last_error: null });
    expect(sink.to(busy.email)).toHaveLength(1);
    // only this address answers 4xx: its two refusals are the retries; its delivery is among the sent
    expect(await smtpOutcomes('retry')).toBe(retriesBefore + 2);
    expect(await smtpOutcomes('sent')).toBeGreaterThan(sentBefore);
  });

  it('sends a delivery once however many times its job runs, even concurrently', async () => {
    const { slug } = await createEventWithOrganiser(api);
    const person = await signUpIn('en');
    slowAddresses.add(person.email);
    await grant(slug, person.email);
    await waitUntil(async () => (await deliveryOf(person.email)).length === 1, 10_000, 'the delivery row');
    const [delivery] = await deliveryOf(person.email);
    // five more runs of the same delivery, under other job ids, while the first is still talking to the server
    await queue.addBulk(
      [1, 2, 3, 4, 5].map((n) => ({
        name: 'notifications.deliver',
        data: { deliveryId: delivery.id, generation: 1 },
        opts: { ...JOB_OPTIONS['notifications.deliver'], jobId: `duplicate-${delivery.id}-${n}` },
      })),
    );
    await sink.waitFor(() => sink.to(person.email).length === 1, 20_000);
    // the duplicates that found it being sent wait for the claim's lease, then find it SENT and do nothing
    await waitUntil(
      async () => Object.values(await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized')).every((n) => n === 0),
      20_000,
      'the duplicate runs',
    );
    expect(sink.dataStarted.filter((to) => to.includes(person.email))).toHaveLength(1);
    expect(sink.to(person.email)).toHaveLength(1);
    expect((await deliveryOf(person.email))[0]).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('lets two organisers resend at once and sends it once more, never to a stranger', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api);
    const person = await signUpIn('en');
    await grant(slug, person.email);
    await sink.waitFor(() => sink.to(person.email).length === 1, 20_000);
    await waitUntil(async () => (await deliveryOf(person.email))[0]?.status === 'SENT', 10_000, 'SENT');
    const [delivery] = await deliveryOf(person.email);
    const organiserToken = await logIn(api.http, organiser.email);

    const both = await Promise.all([
      api.http.post<Problem>(`/v1/events/${slug}/notifications/${delivery.id}/resend`, undefined, { token: organiserToken }),
      api.http.post<Problem>(`/v1/events/${slug}/notifications/${delivery.id}/resend`, undefined, { token: adminToken }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([202, 409]);
    const conflict = both.find((r) => r.status === 409)!;
    expect(conflict.body.code).toBe('NOTIFICATION_RESEND_CONFLICT');
    await sink.waitFor(() => sink.to(person.email).length === 2, 20_000);
    const ids = sink.to(person.email).map((m) => m.parsed.messageId);
    expect(ids[0]).toMatch(/-1@lectern\.test>$/);
    expect(ids[1]).toMatch(/-2@lectern\.test>$/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.to(person.email)).toHaveLength(2);
  });

  it('shows an edition’s messages only to its organisers', async () => {
    const a = await createEventWithOrganiser(api);
    const b = await createEventWithOrganiser(api);
    const reviewer = await signUpIn('en');
    await grant(a.slug, reviewer.email);
    await waitUntil(async () => (await deliveryOf(reviewer.email))[0]?.status === 'SENT', 20_000, 'SENT');
    const [delivery] = await deliveryOf(reviewer.email);
    const bToken = await logIn(api.http, b.organiser.email);
    const stranger = await signUp(api.http, 'stranger');

    expect((await api.http.get(`/v1/events/${a.slug}/notifications`)).status).toBe(401);
    expect((await api.http.get(`/v1/events/${a.slug}/notifications`, { token: reviewer.token })).status).toBe(403);
    expect((await api.http.get(`/v1/events/${a.slug}/notifications`, { token: stranger.token })).status).toBe(403);
    expect((await api.http.get(`/v1/events/${a.slug}/notifications/summary`, { token: bToken })).status).toBe(403);
    expect((await api.http.post(`/v1/events/${a.slug}/notifications/${delivery.id}/resend`, undefined, { token: reviewer.token })).status).toBe(403);
    // b's organiser cannot reach a's message through b's URL either
    const crossEvent = await api.http.post(`/v1/events/${b.slug}/notifications/${delivery.id}/resend`, undefined, { token: bToken, lang: 'zh-CN' });
    expect(crossEvent.status).toBe(404);
    expect(crossEvent.body).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND', detail: '此活动没有该 ID 的邮件。' });
    const bList = await api.http.get<Wire<NotificationPageDto>>(`/v1/events/${b.slug}/notifications`, { token: bToken });
    expect(bList.body.items.map((i: { id: string }) => i.id)).not.toContain(delivery.id);

    expect((await api.http.post(`/v1/events/${a.slug}/notifications/not-a-uuid/resend`, undefined, { token: adminToken })).status).toBe(400);
    const badStatus = await api.http.get<Problem>(`/v1/events/${a.slug}/notifications?status=LOST`, { token: adminToken });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.code).toBe('VALIDATION_FAILED');
  });

  it('tells everyone with a role when an edition is postponed, and pages through the messages', async () => {
    const { slug, organiser } = await createEventWithOrganiser(api, { name: { en: 'Open Source Summit 2031' } });
    const zh = await signUpIn('zh-CN');
    await grant(slug, zh.email, 'CHECKIN_STAFF');
    await sink.waitFor(() => sink.to(zh.email).length === 1, 20_000);
    expect((await api.http.patch(`/v1/events/${slug}`, { status: 'POSTPONED' }, { token: adminToken })).status).toBe(200);
    const postponed = (address: string) => sink.to(address).filter((m) => /postponed|已延期/.test(m.parsed.subject ?? ''));
    await sink.waitFor(
      () => [api.adminEmail, organiser.email, zh.email].every((address) => postponed(address).length === 1),
      20_000,
    );
    expect(postponed(zh.email)[0].parsed.subject).toBe('Open Source Summit 2031 已延期');
    expect(postponed(organiser.email)[0].parsed.subject).toBe('Open Source Summit 2031 has been postponed');

    // admin: published + postponed; organiser: role + published + postponed; zh, who got a role after the
    // edition was published, hears only of the role and the postponement, however late "published" is dispatched
    await waitUntil(
      async () => (await api.http.get<Wire<NotificationSummaryDto>>(`/v1/events/${slug}/notifications/summary`, { token: adminToken })).body.sent === 7,
      10_000,
      'seven sent',
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await api.http.get(
        `/v1/events/${slug}/notifications?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { token: adminToken },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    // a page costs the same number of statements whatever its size
    const prisma = api.app.get(PrismaService);
    const cost = async (limit: number) => {
      const before = prisma.statementCount;
      expect((await api.http.get(`/v1/events/${slug}/notifications?limit=${limit}`, { token: adminToken })).status).toBe(200);
      return prisma.statementCount - before;
    };
    expect(await cost(1)).toBe(await cost(7));
    expect(sink.to(zh.email)).toHaveLength(2);
    expect(new Set(seen).size).toBe(7);
    const tampered = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    expect((await api.http.get(`/v1/events/${slug}/notifications?cursor=${tampered}`, { token: adminToken })).status).toBe(400);
  });
});
