import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// vitest runs from the project root, where this file is
const here = (path: string) => resolve(path);

/**
 * Three tiers, one folder each (pure tests may also sit next to their code under apps/, libs/ and reports/):
 * - unit: pure code; no PostgreSQL, Redis or HTTP server, so no global setup.
 * - integration: real PostgreSQL and Redis, one API or worker instance inside the test process.
 * - e2e: several processes (a spawned worker that is killed, a Redis server that is stopped).
 * `vitest run` runs all three; `--project NAME` one of them.
 */
const services = ['test/support/global-setup.ts'];

// SWC, not esbuild: Nest's dependency injection needs the decorator metadata that esbuild does not emit.
// The aliases are tsconfig.json's paths; tsc-alias rewrites the same ones in the compiled output.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: [
      { find: /^@lectern\/(.*)$/, replacement: here('./libs/$1') },
      { find: /^@reports\/(.*)$/, replacement: here('./reports/$1') },
      { find: /^@api\/(.*)$/, replacement: here('./apps/api/src/$1') },
      { find: /^@worker\/(.*)$/, replacement: here('./apps/worker/src/$1') },
      { find: /^@test\/(.*)$/, replacement: here('./test/$1') },
    ],
  },
  test: {
    setupFiles: ['test/support/setup-file.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', '{apps,libs,reports}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: services },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: services },
      },
    ],
  },
});
