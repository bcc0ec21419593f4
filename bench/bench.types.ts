/**
 * What a benchmark scenario gets and gives. `npm run bench` (bench/run.ts) makes a fresh database and Redis
 * prefix, runs every scenario listed in bench/run.ts in turn, and prints each report as a table.
 */
export interface BenchEnv {
  /** A migrated, empty database of its own for this bench run. */
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** Starts the real API (same factory as production) on a loopback port. */
  startApi(overrides?: Record<string, string>): Promise<{ url: string; close(): Promise<void> }>;
  log(line: string): void;
}

export interface BenchRow {
  /** What was measured, e.g. "GET /v1/events/{slug} (API)". */
  label: string;
  [metric: string]: string | number;
}

export interface BenchReport {
  scenario: string;
  rows: BenchRow[];
  /** e.g. "API / baseline req/s = 0.62"; lines meant for the README's performance table. */
  ratios: string[];
}

export type BenchScenario = (env: BenchEnv) => Promise<BenchReport>;
