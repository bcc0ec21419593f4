import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { loadConfig } from '../libs/config/config';
import { migrate } from '../libs/database/migrator';
import { projectRoot } from '../libs/project-root';
import { BenchEnv, BenchReport, BenchScenario } from './bench.types';
import { scenario as cfp } from './cfp.bench';
import { scenario as events } from './events.bench';
import { scenario as reports } from './reports.bench';
import { scenario as registrations } from './registrations.bench';
import { scenario as reviews } from './reviews.bench';
import { startProcess } from './support';

/** Every scenario, in the order they run; `npm run bench -- <name>` runs only those whose name matches. */
const SCENARIOS: Record<string, BenchScenario> = { events, cfp, reviews, registrations, reports };

const ADMIN = { email: 'bench-admin@lectern.example', password: 'bench-admin-password' };

function printReport(report: BenchReport) {
  console.log(`\n## ${report.scenario}`);
  const columns = [...new Set(report.rows.flatMap((row) => Object.keys(row)))];
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map(() => '---').join('|')}|`);
  for (const row of report.rows) console.log(`| ${columns.map((c) => String(row[c] ?? '')).join(' | ')} |`);
  for (const ratio of report.ratios) console.log(`ratio: ${ratio}`);
}

async function main() {
  const base = loadConfig(process.env);
  const runId = `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  const databaseName = `lectern_bench_${runId}`;
  const adminUrl = new URL(base.database.url);
  adminUrl.pathname = '/postgres';
  const databaseUrl = new URL(base.database.url);
  databaseUrl.pathname = `/${databaseName}`;
  const redisPrefix = `lectern_bench_${runId}`;
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  await migrate(databaseUrl.toString(), join(projectRoot(), 'prisma', 'migrations'));

  const childEnv: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: base.redis.url,
    REDIS_PREFIX: redisPrefix,
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '10',
    SMTP_HOST: '127.0.0.1',
    MAIL_FROM: 'Lectern bench <bench@lectern.example>',
    PUBLIC_BASE_URL: 'http://127.0.0.1',
  };
  const env: BenchEnv = {
    databaseUrl: databaseUrl.toString(),
    redisUrl: base.redis.url,
    redisPrefix,
    childEnv,
    log: (line) => console.log(`  ${line}`),
    startApi: (overrides = {}) =>
      startProcess('apps/api/src/main.js', { ...childEnv, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...overrides }, '/health/ready'),
    adminToken: async (apiUrl) => {
      const response = await fetch(`${apiUrl}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      if (!response.ok) throw new Error(`bench admin login failed: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
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
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(base.redis.url);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
