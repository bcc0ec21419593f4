import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../libs/config/config';
import { migrate } from '../../libs/database/migrator';
import { projectRoot } from '../../libs/project-root';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
    redisUrl: string;
    redisPrefix: string;
  }
}

/**
 * One database and one Redis key prefix per test run, created here and removed at the end, so runs never see
 * each other's data and nothing is left behind.
 */
export default async function setup(project: TestProject) {
  const base = loadConfig(process.env);
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseName = `lectern_test_${runId}`;
  const adminUrl = new URL(base.database.url);
  adminUrl.pathname = '/postgres';
  const databaseUrl = new URL(base.database.url);
  databaseUrl.pathname = `/${databaseName}`;
  const redisPrefix = `lectern_test_${runId}`;

  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  await migrate(databaseUrl.toString(), join(projectRoot(), 'prisma', 'migrations'));

  project.provide('databaseUrl', databaseUrl.toString());
  project.provide('adminDatabaseUrl', adminUrl.toString());
  project.provide('redisUrl', base.redis.url);
  project.provide('redisPrefix', redisPrefix);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    const leftovers = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${databaseName}_%`],
    );
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(base.redis.url);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  };
}
