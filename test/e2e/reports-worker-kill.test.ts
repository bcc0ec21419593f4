import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, logIn, startApi } from '@test/support/harness';
import { ReportScratch } from '@test/support/report-scratch';
import { WorkerProcess, ensureBuilt } from '@test/support/worker-process';
import { isolatedNotificationsEnvironment, waitUntil } from '@test/support/smtp-sink';
import { ReportDto } from '@api/reports/reports.dto';
import { Wire } from '@test/support/api-types';

/** Enough community partners (one long paragraph in each edition) that rendering takes seconds, not milliseconds. */
const PARTNERS = 10_000;
const LOCK_MS = 2_000;

describe('a report worker killed while rendering', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let api: TestApi;
  let workerEnv: Record<string, string>;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    env = await isolatedNotificationsEnvironment('reportkill');
    api = await startApi({ DATABASE_URL: env.databaseUrl, REDIS_PREFIX: env.redisPrefix });
    workerEnv = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: env.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: api.config.redis.url,
      REDIS_PREFIX: env.redisPrefix,
      MAIL_FROM: 'Lectern <no-reply@lectern.test>',
      MAINTENANCE_EVERY_SECONDS: '3600',
      // a killed worker's job comes back after 2 s; a render of several seconds must not be mistaken for one
      REPORT_JOB_LOCK_MS: String(LOCK_MS),
    };
  }, 300_000);
  afterAll(async () => {
    for (const worker of workers) await worker.stop('SIGKILL');
    await api?.close();
    await env?.drop();
  });

  const reports = (eventId: string) =>
    query<{ id: string; status: string; progress: number; attempts: number }>(
      env.databaseUrl,
      'SELECT id, status, progress, attempts FROM reports WHERE event_id = $1',
      [eventId],
    );
  const files = (reportId: string) =>
    query<{ language: string; sha256: string }>(env.databaseUrl, 'SELECT language, sha256 FROM report_files WHERE report_id = $1 ORDER BY language', [reportId]);

  it('completes the report after a restart, exactly once, and never runs a long render twice', async () => {
    const first = new WorkerProcess(workerEnv);
    workers.push(first);
    await first.start();

    const edition = await createEventWithOrganiser(api);
    const token = await logIn(api.http, edition.organiser.email);
    const db = await ReportScratch.connect(env.databaseUrl);
    try {
      const ticket = await db.ticketType(edition.event.id, 'All access', 'CORPORATE', 'IN_PERSON');
      await db.registrations(6, edition.event.id, ticket, { country: 'CN' });
      await db.db.query(
        `INSERT INTO community_partners (id, event_id, name, updated_at)
         SELECT gen_random_uuid(), $1, '社区合作伙伴 Community partner ' || g, now() FROM generate_series(1, $2::int) AS g`,
        [edition.event.id, PARTNERS],
      );
    } finally {
      await db.close();
    }

    const queued = await api.http.post<Wire<ReportDto>>(`/v1/events/${edition.slug}/reports`, undefined, { token });
    expect(queued.status).toBe(202);
    const id = queued.body.id;

    // statistics done (progress 40), the first edition being rendered: kill it there
    await waitUntil(async () => {
      const [row] = await reports(edition.event.id);
      return row.status === 'RUNNING' && row.progress >= 40;
    }, 30_000, 'the worker to start rendering');
    const killed = await first.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const [stuck] = await reports(edition.event.id);
    expect(stuck).toMatchObject({ status: 'RUNNING', attempts: 1 });
    expect(stuck.progress).toBeLessThan(100);
    expect(await files(id)).toEqual([]);

    const second = new WorkerProcess(workerEnv);
    workers.push(second);
    await second.start();
    await waitUntil(async () => (await reports(edition.event.id))[0].status === 'SUCCEEDED', 90_000, 'the report to succeed');
    // long enough for a duplicate run (a render taken for a stalled job) to show up
    await new Promise((resolve) => setTimeout(resolve, 3 * LOCK_MS));

    const rows = await reports(edition.event.id);
    expect(rows).toEqual([{ id, status: 'SUCCEEDED', progress: 100, attempts: 2 }]);
    const stored = await files(id);
    expect(stored.map((f) => f.language)).toEqual(['en', 'zh-CN']);
    const download = await api.http.get(`/v1/events/${edition.slug}/reports/${id}/pdf?lang=zh-CN`, { token });
    expect(download.status).toBe(200);
    expect(download.headers.get('etag')).toBe(`"${stored[1].sha256}"`);

    const stopped = await second.stop('SIGTERM');
    expect(stopped.code === 0 || stopped.signal === 'SIGTERM').toBe(true);
    const log = second.log.join('');
    expect(log).toContain(`report ${id}: succeeded`);
    expect(log).not.toMatch(/"level":(50|60)/);
  }, 180_000);
});
