import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.spec.ts'],
    environment: 'node',
    testTimeout: 60000,
    // Set-up hooks spawn real servers (and Redis) beside the rest of CI.
    hookTimeout: 60000,
  },
});
