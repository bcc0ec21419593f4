"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_path_1 = require("node:path");
const pg_1 = require("pg");
const config_1 = require("../libs/config/config");
const migrator_1 = require("../libs/database/migrator");
const project_root_1 = require("../libs/project-root");
/** `npm run migrate`: creates the configured database if missing, then applies pending migrations. */
async function main() {
    const config = (0, config_1.loadConfig)(process.env);
    await createDatabaseIfMissing(config.database.url);
    const result = await (0, migrator_1.migrate)(config.database.url, (0, node_path_1.join)((0, project_root_1.projectRoot)(), 'prisma', 'migrations'), (line) => console.log(line));
    console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied.length} already applied`);
}
async function createDatabaseIfMissing(databaseUrl) {
    const target = new URL(databaseUrl);
    const name = decodeURIComponent(target.pathname.slice(1));
    const maintenance = new URL(databaseUrl);
    maintenance.pathname = '/postgres';
    const client = new pg_1.Client({ connectionString: maintenance.toString() });
    await client.connect();
    try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (rowCount === 0) {
            await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
            console.log(`created database ${name}`);
        }
    }
    finally {
        await client.end();
    }
}
main().catch((error) => {
    console.error(error instanceof config_1.ConfigError ? error.message : error);
    process.exit(1);
});
//# sourceMappingURL=migrate.js.map