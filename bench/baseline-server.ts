import Fastify from 'fastify';
import { Pool } from 'pg';
import { ConfigError, loadConfig } from '@lectern/config/config';

/**
 * The baseline the API is measured against: a bare Fastify route answering GET /events/:slug with the same row
 * (event joined with its series) through raw `pg`, with the same pool size. What the API costs on top of this is
 * Nest, validation, Prisma and our own code.
 */
async function main() {
  const config = loadConfig();
  const pool = new Pool({ connectionString: config.database.url, max: config.database.poolSize });
  const app = Fastify({ logger: false });
  app.get('/health', () => ({ status: 'ok' }));
  app.get<{ Params: { slug: string } }>('/events/:slug', async (request, reply) => {
    const { rows } = await pool.query(
      `SELECT e.id, e.slug, e.name, e.city, e.country, e.venue, e.timezone,
              e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.format, e.capacity, e.status,
              json_build_object('id', s.id, 'slug', s.slug, 'languages', s.languages, 'name', s.name) AS series,
              p.slug AS "parentEventSlug"
         FROM events e JOIN series s ON s.id = e.series_id LEFT JOIN events p ON p.id = e.parent_event_id
        WHERE e.slug = $1 AND e.status <> 'DRAFT'`,
      [request.params.slug],
    );
    if (rows.length === 0) return reply.code(404).send({ code: 'EVENT_NOT_FOUND' });
    return rows[0];
  });
  await app.listen({ port: config.http.port, host: config.http.host });
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
