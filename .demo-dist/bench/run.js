"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_crypto_1 = require("node:crypto");
const node_path_1 = require("node:path");
const ioredis_1 = __importDefault(require("ioredis"));
const pg_1 = require("pg");
const config_1 = require("../libs/config/config");
const migrator_1 = require("../libs/database/migrator");
const project_root_1 = require("../libs/project-root");
const cfp_bench_1 = require("./cfp.bench");
const events_bench_1 = require("./events.bench");
const reports_bench_1 = require("./reports.bench");
const reviews_bench_1 = require("./reviews.bench");
const support_1 = require("./support");
/** Every scenario, in the order they run; `npm run bench -- <name>` runs only those whose name matches. */
const SCENARIOS = { events: events_bench_1.scenario, cfp: cfp_bench_1.scenario, reviews: reviews_bench_1.scenario, reports: reports_bench_1.scenario };
const ADMIN = { email: 'bench-admin@lectern.example', password: 'bench-admin-password' };
function printReport(report) {
    console.log(`\n## ${report.scenario}`);
    const columns = [...new Set(report.rows.flatMap((row) => Object.keys(row)))];
    console.log(`| ${columns.join(' | ')} |`);
    console.log(`|${columns.map(() => '---').join('|')}|`);
    for (const row of report.rows)
        console.log(`| ${columns.map((c) => String(row[c] ?? '')).join(' | ')} |`);
    for (const ratio of report.ratios)
        console.log(`ratio: ${ratio}`);
}
async function main() {
    const base = (0, config_1.loadConfig)(process.env);
    const runId = `${Date.now().toString(36)}_${(0, node_crypto_1.randomBytes)(2).toString('hex')}`;
    const databaseName = `lectern_bench_${runId}`;
    const adminUrl = new URL(base.database.url);
    adminUrl.pathname = '/postgres';
    const databaseUrl = new URL(base.database.url);
    databaseUrl.pathname = `/${databaseName}`;
    const redisPrefix = `lectern_bench_${runId}`;
    const admin = new pg_1.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${databaseName}"`);
    await (0, migrator_1.migrate)(databaseUrl.toString(), (0, node_path_1.join)((0, project_root_1.projectRoot)(), 'prisma', 'migrations'));
    const childEnv = {
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl.toString(),
        REDIS_URL: base.redis.url,
        REDIS_PREFIX: redisPrefix,
        TOKEN_SECRET: (0, node_crypto_1.randomBytes)(32).toString('hex'),
        LOG_LEVEL: 'warn',
        DATABASE_POOL_SIZE: '10',
        SMTP_HOST: '127.0.0.1',
        MAIL_FROM: 'Lectern bench <bench@lectern.example>',
        PUBLIC_BASE_URL: 'http://127.0.0.1',
    };
    const env = {
        databaseUrl: databaseUrl.toString(),
        redisUrl: base.redis.url,
        redisPrefix,
        childEnv,
        log: (line) => console.log(`  ${line}`),
        startApi: (overrides = {}) => (0, support_1.startProcess)('apps/api/src/main.js', { ...childEnv, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...overrides }, '/health/ready'),
        adminToken: async (apiUrl) => {
            const response = await fetch(`${apiUrl}/v1/auth/login`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(ADMIN),
            });
            if (!response.ok)
                throw new Error(`bench admin login failed: ${response.status}`);
            return (await response.json()).token;
        },
    };
    const only = process.argv.slice(2);
    const selected = Object.entries(SCENARIOS).filter(([name]) => only.length === 0 || only.some((o) => name.includes(o)));
    console.log(`Lectern benchmarks: node ${process.version}, database ${databaseName}`);
    try {
        for (const [name, scenario] of selected) {
            console.log(`\nrunning ${name} ...`);
            printReport(await scenario(env));
        }
    }
    finally {
        await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
        await admin.end();
        const redis = new ioredis_1.default(base.redis.url);
        let cursor = '0';
        do {
            const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
            if (keys.length > 0)
                await redis.del(...keys);
            cursor = next;
        } while (cursor !== '0');
        redis.disconnect();
    }
}
main().catch((error) => {
    console.error(error);
    process.exit(1);
});
//# sourceMappingURL=run.js.map