import 'reflect-metadata';
import { ConfigError, loadConfig } from '@lectern/config/config';
import { createLogger } from '@lectern/logging/logger';
import { createApiApp } from './app.factory';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config, 'api');
  if (config.auth.tokenSecretGenerated) {
    logger.warn('TOKEN_SECRET is not set: using a random secret, so tokens stop working when the API restarts');
  }
  const app = await createApiApp(config, logger);
  await app.listen({ port: config.http.port, host: config.http.host });
  logger.info({ url: await app.getUrl(), docs: `${await app.getUrl()}/docs` }, 'Lectern API listening');
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
