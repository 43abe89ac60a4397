import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@tengen/source'] },
  test: {
    include: ['src/**/*.spec.ts', 'bench/**/*.spec.ts'],
    environment: 'node',
    // Colyseus keeps one matchmaker per process and several tests spawn servers: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
