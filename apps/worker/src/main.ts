import 'reflect-metadata';
import { ConfigError, loadConfig } from '@lectern/config/config';
import { createLogger } from '@lectern/logging/logger';
import { QueueWiringError } from '@lectern/queue/queue.workers';
import { OperationsServer } from './operations/operations.server';
import { createWorker } from './worker.factory';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config, 'worker');
  const worker = await createWorker(config, logger);
  logger.info({ prefix: config.redis.prefix, httpPort: worker.get(OperationsServer).port }, 'Lectern worker running');
}

main().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof QueueWiringError ? error.message : error);
  process.exit(1);
});
