import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { createDatabase, dropDatabases } from '@lectern/database/scratch-environment';

/** A fresh empty database named after this run's (so the run's teardown drops it even if a test does not). */
export async function createScratchDatabase(label: string, options = { migrated: false }) {
  const runUrl = inject('databaseUrl');
  const name = `${new URL(runUrl).pathname.slice(1)}_${label}_${randomBytes(3).toString('hex')}`;
  return {
    url: await createDatabase(runUrl, name, options),
    drop: () => dropDatabases(runUrl, name),
  };
}

export async function query<T extends Record<string, unknown>>(url: string, sql: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
