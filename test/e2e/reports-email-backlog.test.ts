import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, logIn, startApi } from '@test/support/harness';
import { ReportScratch } from '@test/support/report-scratch';
import { finished, waitForReport } from '@test/support/reports';
import { isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';
import { WorkerProcess, ensureBuilt } from '@test/support/worker-process';
import { ReportDto } from '@api/reports/reports.dto';
import { Wire } from '@test/support/api-types';

const BACKLOG = 10_000;
/** What a report may take beyond its time on the idle worker while the backlog fails: a few seconds, no more. */
const SLACK_MS = 5_000;

/** A loopback port nothing listens on: every connection to it is refused at once, as to a mail server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The complaint: a report request waited at 65% while the worker retried e-mails to an unreachable SMTP
 * server. One real worker process; its mail server refuses every connection, so each of 10,000 deliveries fails
 * within milliseconds and comes back after a short backoff, keeping 32 notification jobs at a time, their Postgres
 * statements on the worker's shared pool of 4 connections and the worker's event loop as busy as failing mail can
 * make them. A report of a demo-sized edition
 * must then finish within a few seconds of its time on the same worker when idle.
 */
describe('a report while 10,000 e-mails fail', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let api: TestApi;
  let worker: WorkerProcess;

  beforeAll(async () => {
    await ensureBuilt();
    env = await isolatedNotificationsEnvironment('backlog');
    api = await startApi({ DATABASE_URL: env.databaseUrl, REDIS_PREFIX: env.redisPrefix });
    worker = new WorkerProcess({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: api.config.redis.url,
      REDIS_PREFIX: env.redisPrefix,
      SMTP_PORT: String(await closedPort()),
      MAIL_FROM: 'Lectern <no-reply@lectern.test>',
      SMTP_TIMEOUT_MS: '2000',
      NOTIFY_SEND_LEASE_SECONDS: '4',
      NOTIFY_RELAY_EVERY_MS: '100',
      NOTIFY_BACKOFF_MS: '200',
      NOTIFY_MAX_ATTEMPTS: '50',
      // an operator draining the backlog faster: many more e-mail jobs at once than the shared pool has connections
      WORKER_CONCURRENCY: '32',
      DATABASE_POOL_SIZE: '4',
      MAINTENANCE_EVERY_SECONDS: '3600',
    });
    await worker.start();
  }, 300_000);
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.close();
    await env?.drop();
  });

  /** A demo-sized edition (3,500 registrations from 43 countries, 900 proposals, 40 sponsors) and its 2018 edition. */
  async function demoSizedEdition(): Promise<{ slug: string; token: string }> {
    const edition = await createEventWithOrganiser(api);
    const token = await logIn(api.http, edition.organiser.email);
    const db = await ReportScratch.connect(env.databaseUrl);
    try {
      const eventId = edition.event.id;
      const ticket = await db.ticketType(eventId, 'All access', 'CORPORATE', 'IN_PERSON');
      const series = (await db.db.query<{ series_id: string }>('SELECT series_id FROM events WHERE id = $1', [eventId])).rows[0].series_id;
      const previous = await db.event(series, { starts_at: new Date('2018-11-13T01:00:00Z'), ends_at: new Date('2018-11-15T10:00:00Z') });
      const previousTicket = await db.ticketType(previous.id, 'All access', 'CORPORATE', 'IN_PERSON');
      const countries = ['CN', 'US', 'JP', 'KR', 'IN', 'SG', 'DE', 'GB', 'FR', 'NL', 'CA', 'AU', 'TW', 'HK', 'MY', 'ID', 'TH', 'VN', 'PH', 'IL', 'RU',
        'BR', 'ES', 'IT', 'SE', 'FI', 'CH', 'PL', 'NZ', 'MX', 'AR', 'ZA', 'EG', 'TR', 'AE', 'SA', 'PK', 'BD', 'IE', 'BE', 'AT', 'DK', 'NO'];
      await db.db.query(
        `WITH u AS (INSERT INTO users (id, email, password_hash, name, updated_at)
                    SELECT gen_random_uuid(), 'backlog-' || g || '-' || gen_random_uuid() || '@stats.lectern', 'not-a-hash', 'Person ' || g, now()
                      FROM generate_series(1, 3500) AS g RETURNING id, name)
         INSERT INTO registrations (id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency, badge_token,
                                    consent_to_report, country, company_size, job_function, industry, first_time_attendee, confirmed_at, updated_at)
         SELECT gen_random_uuid(), $1, u.id, $2, 'CONFIRMED', u.name, 'attendee@stats.lectern', 0, 'USD', gen_random_uuid()::text, true,
                CASE WHEN n % 100 < 80 THEN 'CN' ELSE ($3::text[])[1 + n % 43] END,
                (enum_range(NULL::"CompanySize"))[1 + n % 6], (enum_range(NULL::"JobFunction"))[1 + n % 14], (enum_range(NULL::"Industry"))[1 + n % 14],
                n % 10 < 6, now(), now()
           FROM (SELECT id, name, row_number() OVER () AS n FROM u) AS u`,
        [eventId, ticket, countries],
      );
      await db.db.query(
        `INSERT INTO registrations (id, event_id, user_id, ticket_type_id, state, attendee_name, attendee_email, price_cents, currency, badge_token, confirmed_at, updated_at)
         SELECT gen_random_uuid(), $1, r.user_id, $2, 'CONFIRMED', 'Attendee', 'attendee@stats.lectern', 0, 'USD', gen_random_uuid()::text, now(), now()
           FROM (SELECT user_id FROM registrations WHERE event_id = $3 LIMIT 2500) AS r`,
        [previous.id, previousTicket, eventId],
      );
      const format = await db.format(eventId, 'breakout', 'Breakout sessions', '分组会议');
      await db.db.query(
        `INSERT INTO submissions (id, event_id, code, origin, state, title, abstract, format_id, language, submitted_at, updated_at)
         SELECT gen_random_uuid(), $1, 'B-' || n, 'CFP', (CASE WHEN n % 4 = 0 THEN 'CONFIRMED' ELSE 'REJECTED' END)::"SubmissionState",
                'Proposal ' || n, 'An abstract.', $2, 'en', '2019-02-01T00:00:00Z', now()
           FROM generate_series(1, 900) AS n`,
        [eventId, format],
      );
      await db.db.query(
        `INSERT INTO sponsors (id, event_id, name, tier, updated_at)
         SELECT gen_random_uuid(), $1, 'Sponsor ' || g, (CASE WHEN g <= 6 THEN 'DIAMOND' WHEN g <= 20 THEN 'GOLD' ELSE 'SILVER' END)::"SponsorTier", now()
           FROM generate_series(1, 40) AS g`,
        [eventId],
      );
    } finally {
      await db.close();
    }
    return { slug: edition.slug, token };
  }

  /** From the request to SUCCEEDED, as the organiser sees it through the API, with when each progress was first seen. */
  async function timeReport(slug: string, token: string): Promise<{ ms: number; steps: string }> {
    const started = performance.now();
    const queued = await api.http.post<Wire<ReportDto>>(`/v1/events/${slug}/reports`, undefined, { token });
    expect(queued.status).toBe(202);
    const seen = new Map<string, number>();
    const report = await waitForReport(api.http, slug, queued.body.id, token, (view) => {
      const step = `${view.status} ${view.progress}%`;
      if (!seen.has(step)) seen.set(step, performance.now() - started);
      return finished(view);
    });
    expect(report.status).toBe('SUCCEEDED');
    const steps = [...seen].map(([step, ms]) => `${step} at ${(ms / 1000).toFixed(1)} s`).join(', ');
    return { ms: performance.now() - started, steps };
  }

  const deliveryStates = async () =>
    (
      await query<{ pending: number; failed_attempts: number; retried: number; sent: number }>(
        env.databaseUrl,
        `SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING'))::int AS pending,
                coalesce(sum(attempts), 0)::int AS failed_attempts,
                count(*) FILTER (WHERE attempts >= 2)::int AS retried,
                count(*) FILTER (WHERE status = 'SENT')::int AS sent
           FROM notification_deliveries`,
      )
    )[0];

  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
    let last!: T;
    await waitUntil(async () => done((last = await read())), 60_000, what);
    return last;
  }

  it('finishes the demo-sized report within a few seconds of its idle time', async () => {
    const { slug, token } = await demoSizedEdition();
    const idle = await timeReport(slug, token);

    // 10,000 copies of a real message of this run (the organiser's role e-mail), each to its own recipient
    await query(
      env.databaseUrl,
      `INSERT INTO notification_deliveries (id, outbox_id, event_id, recipient_key, recipient_email, recipient_name, language, template, context, status, updated_at)
       SELECT gen_random_uuid(), d.outbox_id, d.event_id, 'backlog-' || g, 'person-' || g || '@backlog.lectern.test', 'Person ' || g, d.language, d.template,
              d.context, 'PENDING', now()
         FROM (SELECT * FROM notification_deliveries ORDER BY created_at LIMIT 1) AS d CROSS JOIN generate_series(1, $1::int) AS g`,
      [BACKLOG],
    );
    // the backlog is failing and being retried before the report is asked for
    const before = await waitFor(deliveryStates, (states) => states.retried > 0 && states.failed_attempts >= 200, 'the backlog to be failing');
    const busy = await timeReport(slug, token);
    const after = await deliveryStates();

    console.log(
      `report request to SUCCEEDED on an idle worker: ${Math.round(idle.ms)} ms (${idle.steps})\n` +
        `the same while ${BACKLOG.toLocaleString('en')} e-mails fail: ${Math.round(busy.ms)} ms (${busy.steps}); ` +
        `failed attempts ${before.failed_attempts} before the request, ${after.failed_attempts} after; ${after.pending} deliveries still pending`,
    );
    // the e-mails kept failing while the report ran, and were not drained before it did
    expect(after.failed_attempts).toBeGreaterThan(before.failed_attempts);
    expect(after.sent).toBe(0);
    expect(after.pending).toBeGreaterThan(BACKLOG / 2);
    expect(busy.ms).toBeLessThanOrEqual(idle.ms + SLACK_MS);
  }, 90_000);
});
