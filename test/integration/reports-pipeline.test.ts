import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { JOB_OPTIONS, QUEUES } from '@lectern/queue/queue.contract';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, logIn, startApi, testConfig } from '@test/support/harness';
import { ReportScratch } from '@test/support/report-scratch';
import { finished, waitForReport } from '@test/support/reports';
import { ensureBuilt } from '@test/support/worker-process';
import { isolatedNotificationsEnvironment } from '@test/support/smtp-sink';
import { ReportDto } from '@api/reports/reports.dto';
import { Wire } from '@test/support/api-types';
import { bullConnection } from '@lectern/redis/redis.connection';

/**
 * Retries, permanent failure after the last attempt, and the sweep of reports whose worker died. A database of
 * its own: these tests hold a table lock that would stall every other test file's queries on that table.
 */
describe('the report pipeline when things go wrong', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let api: TestApi;
  let worker: INestApplicationContext;
  let maintenance: Queue;
  let maintenanceEvents: QueueEvents;
  let db: ReportScratch;

  beforeAll(async () => {
    await ensureBuilt();
    env = await isolatedNotificationsEnvironment('reportpipe');
    api = await startApi({ DATABASE_URL: env.databaseUrl, REDIS_PREFIX: env.redisPrefix });
    const config = testConfig({
      DATABASE_URL: env.databaseUrl,
      REDIS_PREFIX: env.redisPrefix,
      MAINTENANCE_EVERY_SECONDS: '3600',
      // a statistics statement stuck behind a lock is cancelled after 1.5 s: a transient failure
      REPORT_STATEMENT_TIMEOUT_MS: '1500',
      REPORT_STUCK_AFTER_SECONDS: '60',
    });
    worker = await createWorker(config, pino({ level: 'silent' }));
    await worker.init();
    maintenance = new Queue(QUEUES.maintenance, bullConnection(config.redis, 'producer'));
    maintenanceEvents = new QueueEvents(QUEUES.maintenance, bullConnection(config.redis, 'consumer'));
    await maintenanceEvents.waitUntilReady();
    db = await ReportScratch.connect(env.databaseUrl);
  }, 300_000);
  afterAll(async () => {
    await maintenanceEvents?.close();
    await maintenance?.close();
    await worker?.close();
    await api?.close();
    await db?.close();
    await env?.drop();
  });

  async function edition() {
    const created = await createEventWithOrganiser(api);
    const token = await logIn(api.http, created.organiser.email);
    const ticket = await db.ticketType(created.event.id, 'All access', 'CORPORATE', 'IN_PERSON');
    await db.registrations(5, created.event.id, ticket, { country: 'CN' });
    return { ...created, token };
  }

  /** Holds the media table so that the statistics' statement on it times out, until released. */
  async function lockMedia() {
    const holder = new Client({ connectionString: env.databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE media_accreditations IN ACCESS EXCLUSIVE MODE');
    return async () => {
      await holder.query('ROLLBACK');
      await holder.end();
    };
  }

  it('retries a run that failed for a passing reason, and succeeds', async () => {
    const { slug, token } = await edition();
    const release = await lockMedia();
    let retrying: Wire<ReportDto> | undefined;
    let id: string;
    try {
      id = (await api.http.post<Wire<ReportDto>>(`/v1/events/${slug}/reports`, undefined, { token })).body.id;
      // the first run gave up; the report waits for BullMQ's retry, with the error shown
      retrying = await waitForReport(api.http, slug, id, token, (r) => r.lastError !== null, 30_000);
    } finally {
      await release();
    }
    expect(retrying).toMatchObject({ status: 'QUEUED', attempts: 1, failureReason: null });
    expect(retrying?.lastError).toMatch(/statement timeout/);
    const done = await waitForReport(api.http, slug, id, token, finished, 30_000);
    expect(done).toMatchObject({ status: 'SUCCEEDED', attempts: 2, lastError: null, failureReason: null });
  }, 90_000);

  it('fails the report with the reason once the last attempt failed', async () => {
    const { slug, token } = await edition();
    const release = await lockMedia();
    try {
      const id = (await api.http.post<Wire<ReportDto>>(`/v1/events/${slug}/reports`, undefined, { token })).body.id;
      // 3 attempts, 5 s then 10 s apart
      const failed = await waitForReport(api.http, slug, id, token, finished, 60_000);
      expect(failed).toMatchObject({ status: 'FAILED', attempts: JOB_OPTIONS['reports.generate'].attempts, files: [] });
      expect(failed.failureReason).toMatch(/statement timeout/);
    } finally {
      await release();
    }
  }, 90_000);

  it('sweeps reports whose worker died: re-queued with attempts left, failed without, lost jobs added again', async () => {
    const alive = await edition();
    const exhausted = await edition();
    const lost = await edition();
    const insert = (eventId: string, status: string, attempts: number) =>
      query<{ id: string }>(
        env.databaseUrl,
        `INSERT INTO reports (id, event_id, status, attempts, privacy_threshold, run_id, started_at, heartbeat_at, generated_at, queued_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, 5, $4, now() - interval '2 hours', now() - interval '2 hours',
                 now() - interval '2 hours', now() - interval '2 hours', now() - interval '2 hours')
         RETURNING id`,
        [eventId, status, attempts, status === 'RUNNING' ? randomUUID() : null],
      ).then((rows) => rows[0].id);
    // a run that died after its first attempt, one that died on its last, and a report whose job Redis lost
    const requeued = await insert(alive.event.id, 'RUNNING', 1);
    const gaveUp = await insert(exhausted.event.id, 'RUNNING', 3);
    const orphan = await insert(lost.event.id, 'QUEUED', 0);

    const sweep = await maintenance.add('maintenance.sweep', { requestedAt: new Date().toISOString() }, JOB_OPTIONS['maintenance.sweep']);
    const result = (await sweep.waitUntilFinished(maintenanceEvents, 30_000)) as { reportsRequeued: number; reportsFailed: number };
    expect(result).toMatchObject({ reportsRequeued: 2, reportsFailed: 1 });

    const failed = await waitForReport(api.http, exhausted.slug, gaveUp, exhausted.token, finished);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 3, failureReason: 'the worker producing it stopped responding' });
    expect(await waitForReport(api.http, alive.slug, requeued, alive.token, finished)).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(await waitForReport(api.http, lost.slug, orphan, lost.token, finished)).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });

    // nothing left to sweep
    const again = await maintenance.add('maintenance.sweep', { requestedAt: new Date().toISOString() }, JOB_OPTIONS['maintenance.sweep']);
    expect(await again.waitUntilFinished(maintenanceEvents, 30_000)).toMatchObject({ reportsRequeued: 0, reportsFailed: 0 });
  }, 90_000);
});
