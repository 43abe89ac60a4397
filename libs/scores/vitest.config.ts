import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@tengen/source'] },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Set-up hooks start real PostgreSQL clusters (initdb, pg_ctl) beside the rest of CI.
    hookTimeout: 60_000,
  },
});
