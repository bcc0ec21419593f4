import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// vitest runs from the project root, where this file is
const here = (path: string) => resolve(path);

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
    include: ['test/**/*.test.ts', 'reports/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup-file.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
