import { randomBytes } from 'node:crypto';
import { Injectable, Module, Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { describe, expect, inject, it } from 'vitest';
import { ConfigModule } from '@lectern/config/config.module';
import { JobHandler } from '@lectern/queue/job-handler.decorator';
import { QueueWiringError, QueueWorkers } from '@lectern/queue/queue.workers';
import { MetricsModule } from '@lectern/metrics/metrics.module';
import { testConfig } from '@test/support/harness';

@Injectable()
class SweepsProcessor {
  @JobHandler('maintenance.sweep')
  async sweep() {}

  @JobHandler('registrations.expire-offers')
  async expireOffers() {}
}

@Injectable()
class NotificationsProcessor {
  @JobHandler('notifications.dispatch')
  async dispatch() {}

  @JobHandler('notifications.deliver')
  async deliver() {}
}

@Injectable()
class ReportsProcessor {
  @JobHandler('reports.generate')
  async generate() {}
}

@Injectable()
class WebhooksProcessor {
  @JobHandler('webhooks.deliver')
  async deliver() {}
}

@Injectable()
class SecondSweepProcessor {
  @JobHandler('maintenance.sweep')
  async sweepAgain() {}
}

/** A worker of only QueueWorkers and these processors, on a Redis prefix of its own so it takes nobody's jobs. */
function startWorker(...processors: Type[]) {
  const config = testConfig({ REDIS_PREFIX: `${inject('redisPrefix')}_wiring_${randomBytes(2).toString('hex')}` });
  @Module({ imports: [ConfigModule.forRoot(config), DiscoveryModule, MetricsModule], providers: [QueueWorkers, ...processors] })
  class TestWorkerModule {}
  return NestFactory.createApplicationContext(TestWorkerModule, { logger: false, abortOnError: false });
}

describe('the worker checks its job wiring at start-up', () => {
  it('starts when every job of the contract has exactly one handler', async () => {
    const worker = await startWorker(SweepsProcessor, NotificationsProcessor, ReportsProcessor, WebhooksProcessor);
    await worker.close();
  });

  it('refuses to start when a job has no handler, naming the job and the decorator to add', async () => {
    const error = await startWorker(SweepsProcessor, NotificationsProcessor, WebhooksProcessor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueWiringError);
    expect((error as Error).message).toContain(
      "job 'reports.generate' (queue 'reports') has no handler: add @JobHandler('reports.generate') to a method of a processor",
    );
    expect((error as Error).message).not.toContain('notifications');
  });

  it('refuses to start when a job has two handlers, naming both', async () => {
    const error = await startWorker(SweepsProcessor, NotificationsProcessor, ReportsProcessor, WebhooksProcessor, SecondSweepProcessor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueWiringError);
    expect((error as Error).message).toContain(
      "job 'maintenance.sweep' has 2 handlers (SweepsProcessor.sweep, SecondSweepProcessor.sweepAgain): keep exactly one @JobHandler('maintenance.sweep')",
    );
  });
});
