import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.spec.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});
