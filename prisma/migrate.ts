import { join } from 'node:path';
import { Client } from 'pg';
import { ConfigError, loadConfig } from '@lectern/config/config';
import { migrate } from '@lectern/database/migrator';
import { projectRoot } from '@lectern/project-root';

/** `npm run migrate`: creates the configured database if missing, then applies pending migrations. */
async function main() {
  const config = loadConfig();
  await createDatabaseIfMissing(config.database.url);
  const result = await migrate(config.database.url, join(projectRoot(), 'prisma', 'migrations'), (line) =>
    console.log(line),
  );
  console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
}

async function createDatabaseIfMissing(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
