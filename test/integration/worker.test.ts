import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { AppConfig } from '@lectern/config/config';
import { JOB_OPTIONS, MAINTENANCE_SCHEDULER_ID, QUEUES } from '@lectern/queue/queue.contract';
import { query } from '@test/support/databases';
import { testConfig } from '@test/support/harness';
import { bullConnection } from '@lectern/redis/redis.connection';

describe('worker', () => {
  let worker: INestApplicationContext;
  let config: AppConfig;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    // a prefix of its own, so no other test's worker takes these jobs
    config = testConfig({ REDIS_PREFIX: `${inject('redisPrefix')}_worker_${randomBytes(2).toString('hex')}`, MAINTENANCE_EVERY_SECONDS: '3600' });
    worker = await createWorker(config, pino({ level: 'silent' }));
    await worker.init();
    queue = new Queue(QUEUES.maintenance, bullConnection(config.redis, 'producer'));
    events = new QueueEvents(QUEUES.maintenance, bullConnection(config.redis, 'consumer'));
    await events.waitUntilReady();
    // the schedule's first run starts at once; let it finish so it cannot race the sweep tested below
    const deadline = Date.now() + 20_000;
    while ((await queue.getCompletedCount()) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(async () => {
    await events.close();
    await queue.close();
    await worker.close();
  });

  it('registers exactly one repeatable maintenance schedule at the configured interval', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: MAINTENANCE_SCHEDULER_ID, every: 3_600_000 });
  });

  it('sweeps expired login-throttle rows through a real BullMQ job, leaving live ones', async () => {
    const tag = randomBytes(4).toString('hex');
    await query(
      inject('databaseUrl'),
      `INSERT INTO login_throttle (key, failures, expires_at) VALUES
         ($1, 3, now() - interval '1 minute'), ($2, 1, now() + interval '10 minutes')`,
      [`test-expired-${tag}`, `test-live-${tag}`],
    );
    const job = await queue.add('maintenance.sweep', { requestedAt: new Date().toISOString() }, JOB_OPTIONS['maintenance.sweep']);
    const result = (await job.waitUntilFinished(events, 20_000)) as { loginThrottlesDeleted: number };
    expect(result.loginThrottlesDeleted).toBeGreaterThanOrEqual(1);
    const left = await query<{ key: string }>(inject('databaseUrl'), `SELECT key FROM login_throttle WHERE key LIKE $1`, [`test-%-${tag}`]);
    expect(left.map((r) => r.key)).toEqual([`test-live-${tag}`]);
  });

  it('fails a job it cannot understand permanently instead of retrying it', async () => {
    const job = await queue.add('maintenance.unknown', { nonsense: true }, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(/unknown maintenance job/);
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(await failed?.getState()).toBe('failed');
  });

  it('fails a job whose payload breaks the contract permanently, before its handler runs', async () => {
    const job = await queue.add('maintenance.sweep', { requestedAt: 42 }, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(/invalid maintenance\.sweep payload/);
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(await failed?.getState()).toBe('failed');
    expect(failed?.returnvalue).toBeFalsy();
  });
});
