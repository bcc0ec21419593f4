import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { ConfigError, loadConfig } from '@lectern/config/config';
import { STATIC_BODY_FILE } from './programme-fixture';

/**
 * The baseline for released feeds: a bare Fastify route serving the same bytes from memory, with the same headers
 * the API sends. What the API costs on top of this is Nest, the auth and event guards and the release lookup.
 */
function main() {
  const config = loadConfig();
  const body = readFileSync(STATIC_BODY_FILE());
  const app = Fastify({ logger: false });
  app.get('/health', () => ({ status: 'ok' }));
  app.get('/schedule.json', (_request, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').header('etag', '"baseline"').send(body),
  );
  return app.listen({ port: config.http.port, host: config.http.host }).then(() => {
    const stop = async () => {
      await app.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop());
    process.on('SIGINT', () => void stop());
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
