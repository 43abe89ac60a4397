import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The workspace spec runs `nx graph` (a few seconds, more on a loaded machine).
  test: { include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 120_000 },
});
