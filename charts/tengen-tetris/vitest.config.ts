import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.spec.ts'],
    environment: 'node',
    testTimeout: 60000,
    // The monitoring spec scrapes a real server started by the test-kit.
    env: {
      TENGEN_SERVER_MAIN: fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url)),
    },
  },
});
