/**
 * What a benchmark scenario gets and gives. `npm run bench` (bench/run.ts) makes a fresh database and Redis
 * prefix, runs every scenario listed in bench/run.ts in turn, and prints each report as a table.
 */
export interface BenchEnv {
  /** A migrated, empty database of its own for this bench run. */
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** Environment variables that point a child process (API, worker, baseline server) at this bench run. */
  childEnv: Record<string, string>;
  /** Starts the real compiled API (`node dist/apps/api/src/main.js`) as its own process on a loopback port. */
  startApi(overrides?: Record<string, string>): Promise<{ url: string; pid: number; close(): Promise<void> }>;
  /** A bearer token of the bench run's administrator, signed in through the given API. */
  adminToken(apiUrl: string): Promise<string>;
  log: (line: string) => void;
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
  /** The ratios that have a goal (issue 19's table and the issues that set goals); run.ts ends with all of them. */
  goals?: BenchGoal[];
}

export interface BenchGoal {
  measure: string;
  value: number;
  goal: string;
  met: boolean;
}

/** A measured ratio (or figure) next to its goal: `goal('API / baseline req/s', 0.62, '>=', 0.7)`. */
export function goal(measure: string, value: number, direction: '>=' | '<=', target: number): BenchGoal {
  return {
    measure,
    value: Number(value.toFixed(2)),
    goal: `${direction} ${target}`,
    met: direction === '>=' ? value >= target : value <= target,
  };
}

export type BenchScenario = (env: BenchEnv) => Promise<BenchReport>;
