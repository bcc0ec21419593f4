import { randomBytes } from 'node:crypto';
import { TestProject } from 'vitest/node';
import { loadConfig } from '@lectern/config/config';
import { createDatabase, databaseUrlNamed, deleteRedisKeys, dropDatabases } from '@lectern/database/scratch-environment';

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
  const base = loadConfig();
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseName = `lectern_test_${runId}`;
  const redisPrefix = `lectern_test_${runId}`;
  const databaseUrl = await createDatabase(base.database.url, databaseName, { migrated: true });

  project.provide('databaseUrl', databaseUrl);
  project.provide('adminDatabaseUrl', databaseUrlNamed(base.database.url, 'postgres'));
  project.provide('redisUrl', base.redis.url);
  project.provide('redisPrefix', redisPrefix);

  return async () => {
    await dropDatabases(base.database.url, databaseName, `${databaseName}_`);
    await deleteRedisKeys({ url: base.redis.url, prefix: redisPrefix });
  };
}
