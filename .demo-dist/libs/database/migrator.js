"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MigrationError = void 0;
exports.readMigrations = readMigrations;
exports.migrate = migrate;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const pg_1 = require("pg");
/** Same key as Prisma Migrate, so this step and `prisma migrate deploy` never run at the same time. */
const MIGRATE_LOCK_KEY = 72707369;
class MigrationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'MigrationError';
    }
}
exports.MigrationError = MigrationError;
/** Prisma Migrate's bookkeeping table, column for column, so `prisma migrate status` reads what we write. */
const BOOKKEEPING_DDL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
function readMigrations(dir) {
    return (0, node_fs_1.readdirSync)(dir)
        .filter((entry) => (0, node_fs_1.statSync)((0, node_path_1.join)(dir, entry)).isDirectory())
        .sort()
        .map((name) => {
        const sql = (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, name, 'migration.sql'), 'utf8');
        return { name, sql, checksum: (0, node_crypto_1.createHash)('sha256').update(sql).digest('hex') };
    });
}
/**
 * Applies the SQL migrations that are not yet applied, each in its own transaction, in folder order. Refuses to
 * go on when an applied migration's file has changed since (its checksum differs) or an earlier run by Prisma
 * left a migration unfinished: both need a person to decide.
 */
async function migrate(databaseUrl, migrationsDir, log = () => undefined) {
    const migrations = readMigrations(migrationsDir);
    const client = new pg_1.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
        await client.query(BOOKKEEPING_DDL);
        const { rows } = await client.query('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL');
        const applied = new Map(rows.map((row) => [row.migration_name, row]));
        for (const migration of migrations) {
            const row = applied.get(migration.name);
            if (row && row.finished_at === null) {
                throw new MigrationError(`Migration ${migration.name} was started but never finished; inspect the database, then mark it ` +
                    'applied or rolled back (prisma migrate resolve) before migrating again.');
            }
            if (row && row.checksum !== migration.checksum) {
                throw new MigrationError(`Migration ${migration.name} was edited after it was applied (checksum ${row.checksum} in the ` +
                    `database, ${migration.checksum} on disk). Restore the file and add a new migration instead.`);
            }
        }
        const result = { applied: [], alreadyApplied: [] };
        for (const migration of migrations) {
            if (applied.has(migration.name)) {
                result.alreadyApplied.push(migration.name);
                continue;
            }
            await client.query('BEGIN');
            try {
                const id = (0, node_crypto_1.randomUUID)();
                await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())', [id, migration.checksum, migration.name]);
                await client.query(migration.sql);
                await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
                await client.query('COMMIT');
            }
            catch (error) {
                await client.query('ROLLBACK');
                throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${error.message}`);
            }
            result.applied.push(migration.name);
            log(`applied ${migration.name}`);
        }
        const unknown = [...applied.keys()].filter((name) => !migrations.some((m) => m.name === name));
        for (const name of unknown)
            log(`warning: ${name} is applied in the database but missing on disk`);
        return result;
    }
    finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK_KEY]).catch(() => undefined);
        await client.end();
    }
}
//# sourceMappingURL=migrator.js.map