import { defineConfig } from 'vitest/config';

// One project per test tier. Integration tests run twice: on PGlite and on PostgreSQL.
const resolve = { conditions: ['source', 'module', 'node', 'development|production'] };
const ssr = {
  resolve: {
    conditions: ['source', 'node', 'development|production'],
    externalConditions: ['source'],
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        ssr,
        test: {
          name: 'unit',
          include: ['packages/core/src/**/*.test.ts', 'packages/web/src/**/*.test.ts'],
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'pglite',
          include: ['packages/server/src/**/*.test.ts', 'packages/cli/src/**/*.test.ts'],
          env: { EVNE_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'postgres',
          include: ['packages/server/src/**/*.test.ts', 'packages/cli/src/**/*.test.ts'],
          env: { EVNE_TEST_DB: 'postgres' },
          globalSetup: ['packages/server/test/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'e2e',
          include: ['packages/web/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
