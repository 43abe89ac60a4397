import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    // The set-up runs some twenty real git processes, beside the rest of CI on two cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
