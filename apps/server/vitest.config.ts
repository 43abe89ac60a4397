import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@tengen/source'] },
  test: {
    include: ['src/**/*.spec.ts', 'bench/**/*.spec.ts'],
    environment: 'node',
    // Two files at a time, each in its own process (the forks pool isolates files), so Colyseus's
    // one matchmaker per process is never shared; every server, Redis and PostgreSQL a test starts
    // listens on a port of its own.
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
