import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationError, migrate, readMigrations } from '@lectern/database/migrator';
import { projectRoot } from '@lectern/project-root';
import { createScratchDatabase, query } from '@test/support/databases';

describe('offline migration step', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let folder: string;

  beforeAll(async () => {
    database = await createScratchDatabase('migrations');
    folder = mkdtempSync(join(tmpdir(), 'lectern-migrations-'));
    cpSync(join(projectRoot(), 'prisma', 'migrations'), folder, { recursive: true });
  });
  afterAll(async () => {
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('applies every migration to an empty database and records it as Prisma Migrate does', async () => {
    const names = readMigrations(folder).map((m) => m.name);
    const first = await migrate(database.url, folder);
    expect(first.applied).toEqual(names);
    expect(first.alreadyApplied).toEqual([]);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      database.url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = readFileSync(join(folder, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    const columns = await query<{ column_name: string }>(
      database.url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'applied_steps_count', 'checksum', 'finished_at', 'id', 'logs', 'migration_name', 'rolled_back_at', 'started_at',
    ]);
  });

  it('applies nothing the second time', async () => {
    const second = await migrate(database.url, folder);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toHaveLength(readMigrations(folder).length);
  });

  it('applies a new migration in a transaction: a failing one leaves no trace', async () => {
    const broken = join(folder, '99990101000000_broken');
    cpSync(join(folder, readMigrations(folder)[0].name), broken, { recursive: true });
    writeFileSync(join(broken, 'migration.sql'), 'CREATE TABLE half_done (id int);\nSELECT no_such_function();\n');
    await expect(migrate(database.url, folder)).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
    const tables = await query(database.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(tables).toHaveLength(0);
    const recorded = await query(database.url, `SELECT 1 FROM _prisma_migrations WHERE migration_name = '99990101000000_broken'`);
    expect(recorded).toHaveLength(0);
    rmSync(broken, { recursive: true });
  });

  it('refuses to run when an applied migration was edited', async () => {
    const first = readMigrations(folder)[0];
    writeFileSync(join(folder, first.name, 'migration.sql'), `${first.sql}\n-- an innocent-looking edit\n`);
    await expect(migrate(database.url, folder)).rejects.toThrow(MigrationError);
    await expect(migrate(database.url, folder)).rejects.toThrow(/was edited after it was applied/);
  });
});
