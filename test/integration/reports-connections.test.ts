import { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { TransactionHost } from '@lectern/database/transaction.host';
import { TestApi, createEventWithOrganiser, logIn, startApi, testConfig } from '@test/support/harness';
import { ReportScratch } from '@test/support/report-scratch';
import { finished, waitForReport } from '@test/support/reports';
import { ensureBuilt } from '@test/support/worker-process';
import { isolatedNotificationsEnvironment } from '@test/support/smtp-sink';
import { ReportDto } from '@api/reports/reports.dto';
import { Wire } from '@test/support/api-types';

const POOL = 3;

/**
 * The worker's shared pool is what every other queue's jobs use; a backlog of them can keep all of its connections
 * busy. A report must not need one: here every connection of that pool is held in an open transaction for the whole
 * run, with a short DATABASE_POOL_WAIT_MS, and the report still succeeds at its first attempt.
 */
describe('a report while the worker’s shared pool is exhausted', () => {
  let env: Awaited<ReturnType<typeof isolatedNotificationsEnvironment>>;
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    await ensureBuilt();
    env = await isolatedNotificationsEnvironment('reportpool');
    api = await startApi({ DATABASE_URL: env.databaseUrl, REDIS_PREFIX: env.redisPrefix });
    const config = testConfig({
      DATABASE_URL: env.databaseUrl,
      REDIS_PREFIX: env.redisPrefix,
      DATABASE_POOL_SIZE: String(POOL),
      DATABASE_POOL_WAIT_MS: '500',
      MAINTENANCE_EVERY_SECONDS: '3600',
    });
    worker = await createWorker(config, pino({ level: 'silent' }));
    await worker.init();
  }, 300_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await env?.drop();
  });

  it('produces the report on its own connections, at its first attempt', async () => {
    const created = await createEventWithOrganiser(api);
    const token = await logIn(api.http, created.organiser.email);
    const db = await ReportScratch.connect(env.databaseUrl);
    try {
      const ticket = await db.ticketType(created.event.id, 'All access', 'CORPORATE', 'IN_PERSON');
      await db.registrations(6, created.event.id, ticket, { country: 'CN' });
    } finally {
      await db.close();
    }

    // every connection of the shared pool in an open transaction until released
    const tx = worker.get(TransactionHost);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = 0;
    const holders = Array.from({ length: POOL }, () =>
      tx.run(
        async () => {
          await tx.db.$queryRaw`SELECT 1`;
          holding += 1;
          await released;
        },
        { timeoutMs: 120_000 },
      ),
    );
    try {
      await expect.poll(() => holding, { timeout: 10_000 }).toBe(POOL);
      // the shared pool has nothing left: anything asking it gives up after DATABASE_POOL_WAIT_MS
      await expect(tx.run(() => tx.db.$queryRaw`SELECT 1`)).rejects.toThrow();

      const queued = await api.http.post<Wire<ReportDto>>(`/v1/events/${created.slug}/reports`, undefined, { token });
      expect(queued.status).toBe(202);
      const report = await waitForReport(api.http, created.slug, queued.body.id, token, finished, 60_000);
      expect(report).toMatchObject({ status: 'SUCCEEDED', progress: 100, attempts: 1, lastError: null });
      expect(holding).toBe(POOL);
    } finally {
      release();
      await Promise.all(holders);
    }
  }, 120_000);
});
