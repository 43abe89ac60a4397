// The client's tests run in node: unit tests for the pure modules (view functions, clock, input,
// storage) and the network specs (src/net), which start the real server as a child process and
// talk to it over real WebSockets and HTTP (hence the generous timeouts).
import { fileURLToPath } from 'node:url';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/client-test',
  resolve: { conditions: ['@tengen/source', ...defaultClientConditions] },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    // The network specs' `spawnServer` (@tengen/test-kit) starts the server from its source.
    env: { TENGEN_SERVER_MAIN: fileURLToPath(new URL('../server/src/main.ts', import.meta.url)) },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
