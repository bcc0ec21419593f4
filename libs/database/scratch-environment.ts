import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { projectRoot } from '@lectern/project-root';
import { RedisSettings, redisConnection } from '@lectern/redis/redis.connection';
import { migrate } from './migrator';

/** The same server as `databaseUrl`, another database on it. */
export function databaseUrlNamed(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onMaintenanceDatabase<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrlNamed(databaseUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server of `databaseUrl`, optionally migrated, and returns its URL. */
export async function createDatabase(databaseUrl: string, name: string, options: { migrated: boolean }): Promise<string> {
  await onMaintenanceDatabase(databaseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrlNamed(databaseUrl, name);
  if (options.migrated) await migrate(url, join(projectRoot(), 'prisma', 'migrations'));
  return url;
}

/** Drops every database named `name` or starting with `prefix` (scratch databases a run made beside its own). */
export async function dropDatabases(databaseUrl: string, name: string, prefix?: string): Promise<void> {
  await onMaintenanceDatabase(databaseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    if (prefix === undefined) return;
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/** Deletes every Redis key starting with `redis.prefix` (a run's own keys and those of the prefixes made from it). */
export async function deleteRedisKeys(redis: RedisSettings): Promise<void> {
  const client = new Redis(redisConnection(redis, 'admin'));
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${redis.prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
