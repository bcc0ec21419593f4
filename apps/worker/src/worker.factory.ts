import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'pino';
import { AppConfig } from '@lectern/config/config';
import { PinoNestLogger } from '@lectern/logging/logger';
import { WorkerModule } from './worker.module';

/** The worker: a Nest application context running the jobs of every queue; its only HTTP is OperationsServer's. */
export async function createWorker(config: AppConfig, logger: Logger): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  // SIGTERM closes the BullMQ workers, which let their current jobs finish first.
  app.enableShutdownHooks();
  return app;
}
