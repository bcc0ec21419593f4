import { randomBytes, randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OperationsServer } from '@worker/operations/operations.server';
import { createWorker } from '@worker/worker.factory';
import { AppConfig } from '@lectern/config/config';
import { QUEUES } from '@lectern/queue/queue.contract';
import { QueueWorkers } from '@lectern/queue/queue.workers';
import { bullConnection } from '@lectern/redis/redis.connection';
import { testConfig } from '@test/support/harness';
import { sample } from '@test/support/prometheus';
import { waitUntil } from '@test/support/smtp-sink';

describe('the worker’s health and metrics port', () => {
  let config: AppConfig;
  let worker: INestApplicationContext;
  let base: string;
  const queues: Queue[] = [];

  beforeAll(async () => {
    // a prefix of its own: the depths it reads are only this test's jobs
    config = testConfig({ REDIS_PREFIX: `${inject('redisPrefix')}_ops_${randomBytes(2).toString('hex')}`, MAINTENANCE_EVERY_SECONDS: '3600' });
    worker = await createWorker(config, pino({ level: 'silent' }));
    base = `http://127.0.0.1:${worker.get(OperationsServer).port}`;
  });
  afterAll(async () => {
    for (const queue of queues) await queue.close();
    await worker?.close();
  });

  const queue = (name: string) => {
    const q = new Queue(name, bullConnection(config.redis, 'producer'));
    queues.push(q);
    return q;
  };
  const scrape = async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  it('listens on a port of its own and answers liveness', async () => {
    expect(worker.get(OperationsServer).port).toBeGreaterThan(0);
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
  });

  it('is ready when Postgres, Redis and every queue’s worker are', async () => {
    // the first statement of a fresh process may take longer than the check's limit (Prisma loads its compiler)
    let ready = await fetch(`${base}/health/ready`);
    await waitUntil(async () => (ready = await fetch(`${base}/health/ready`)).status === 200, 10_000, 'readiness');
    expect(await ready.json()).toEqual({
      status: 'ok',
      checks: { postgres: 'up', redis: 'up', queues: Object.fromEntries(Object.values(QUEUES).map((q) => [q, 'up'])) },
    });
  });

  it('answers an unknown route with a problem document', async () => {
    const response = await fetch(`${base}/v1/events`, { headers: { 'accept-language': 'zh-CN' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', status: 404 });
  });

  it('times jobs and counts failures by job name', async () => {
    // the maintenance schedule runs once at start-up
    await waitUntil(
      async () => (sample(await scrape(), 'lectern_job_duration_seconds_count', { queue: 'maintenance', job: 'maintenance.sweep', outcome: 'completed' }) ?? 0) >= 1,
      20_000,
      'the first sweep',
    );
    const maintenance = queue(QUEUES.maintenance);
    await maintenance.add('maintenance.sweep', { requestedAt: 42 }, { attempts: 1 });
    await waitUntil(
      async () => sample(await scrape(), 'lectern_job_failures_total', { queue: 'maintenance', job: 'maintenance.sweep' }) === 1,
      20_000,
      'the failure to be counted',
    );
    const text = await scrape();
    expect(sample(text, 'lectern_job_duration_seconds_count', { queue: 'maintenance', job: 'maintenance.sweep', outcome: 'failed' })).toBe(1);
    expect(text).toContain('# TYPE lectern_deliveries_total counter');
    expect(sample(text, 'lectern_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('shows each queue’s depth by state and the age of its oldest waiting job', async () => {
    const reports = queue(QUEUES.reports);
    // paused, the reports queue keeps what is added in its wait list
    await reports.pause();
    const waiting = await reports.add('reports.generate', { reportId: randomUUID() });
    const delayed = await reports.add('reports.generate', { reportId: randomUUID() }, { delay: 3_600_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const text = await scrape();
      expect(sample(text, 'lectern_queue_jobs', { queue: 'reports', state: 'waiting' })).toBe(1);
      expect(sample(text, 'lectern_queue_jobs', { queue: 'reports', state: 'delayed' })).toBe(1);
      expect(sample(text, 'lectern_queue_jobs', { queue: 'reports', state: 'active' })).toBe(0);
      expect(sample(text, 'lectern_queue_oldest_waiting_age_seconds', { queue: 'reports' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'lectern_queue_jobs', { queue: 'maintenance', state: 'failed' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'lectern_outbox_pending_rows')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'lectern_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    } finally {
      await waiting.remove();
      await delayed.remove();
      await reports.resume();
    }
  });

  it('is not ready once its queue workers have stopped taking jobs, and still live', async () => {
    // what a SIGTERM does first: the BullMQ workers close and let their jobs finish
    await worker.get(QueueWorkers).onModuleDestroy();
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toContain('application/problem+json');
    expect(await ready.json()).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      checks: { postgres: 'up', redis: 'up', queues: Object.fromEntries(Object.values(QUEUES).map((q) => [q, 'down'])) },
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });
});
