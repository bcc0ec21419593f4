import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { loadConfig } from '@lectern/config/config';
import { createDatabase, deleteRedisKeys, dropDatabases } from '@lectern/database/scratch-environment';
import { BenchEnv, BenchGoal, BenchReport, BenchScenario } from './bench.types';
import { scenario as csvExports } from './exports.bench';
import { scenario as cfp } from './cfp.bench';
import { scenario as compose } from './compose.bench';
import { scenario as events } from './events.bench';
import { scenario as programme } from './programme.bench';
import { scenario as reports } from './reports.bench';
import { scenario as registrations } from './registrations.bench';
import { scenario as reviews } from './reviews.bench';
import { scenario as webhooks } from './webhooks.bench';
import { startProcess } from './support';

/** Every scenario, in the order they run; `npm run bench -- <name>` runs only those whose name matches. */
const SCENARIOS: Record<string, BenchScenario> = { events, cfp, reviews, registrations, reports, exports: csvExports, webhooks, programme, compose };

const ADMIN = { email: 'bench-admin@lectern.example', password: 'bench-admin-password' };

function printReport(report: BenchReport) {
  console.log(`\n## ${report.scenario}`);
  const columns = [...new Set(report.rows.flatMap((row) => Object.keys(row)))];
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`|${columns.map(() => '---').join('|')}|`);
  for (const row of report.rows) console.log(`| ${columns.map((c) => String(row[c] ?? '')).join(' | ')} |`);
  for (const ratio of report.ratios) console.log(`ratio: ${ratio}`);
}

/** The run's last words: every ratio that has a goal, whether it was met, and the machine it ran on. */
function printSummary(goals: BenchGoal[]) {
  if (goals.length === 0) return;
  const [one, five] = loadavg();
  console.log(`\n## Summary (${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${one.toFixed(1)} / ${five.toFixed(1)})`);
  console.log('| measure | value | goal | met |');
  console.log('|---|---|---|---|');
  for (const g of goals) console.log(`| ${g.measure} | ${g.value} | ${g.goal} | ${g.met ? 'yes' : 'no'} |`);
}

async function main() {
  const base = loadConfig();
  const runId = `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  const databaseName = `lectern_bench_${runId}`;
  const redisPrefix = `lectern_bench_${runId}`;
  const databaseUrl = await createDatabase(base.database.url, databaseName, { migrated: true });

  const childEnv: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: base.redis.url,
    REDIS_PREFIX: redisPrefix,
    TOKEN_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '10',
    // the load comes from one address and a few accounts; the limits are not what is measured
    RATE_LIMIT_WRITES_PER_CLIENT: '10000000',
    RATE_LIMIT_WRITES_PER_ACCOUNT: '10000000',
    SMTP_HOST: '127.0.0.1',
    MAIL_FROM: 'Lectern bench <bench@lectern.example>',
    PUBLIC_BASE_URL: 'http://127.0.0.1',
  };
  const env: BenchEnv = {
    databaseUrl: databaseUrl,
    redisUrl: base.redis.url,
    redisPrefix,
    childEnv,
    log: (line) => console.log(`  ${line}`),
    startApi: async (overrides = {}) => {
      const api = await startProcess('apps/api/src/main.js', { ...childEnv, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...overrides }, '/health/ready');
      return { url: api.url, pid: api.child.pid ?? 0, close: () => api.close() };
    },
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
  const goals: BenchGoal[] = [];
  try {
    for (const [name, scenario] of selected) {
      console.log(`\nrunning ${name} ...`);
      const report = await scenario(env);
      printReport(report);
      goals.push(...(report.goals ?? []));
    }
    printSummary(goals);
  } finally {
    await dropDatabases(base.database.url, databaseName);
    await deleteRedisKeys({ url: base.redis.url, prefix: redisPrefix });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
