// The client's tests run in node: unit tests for the pure modules (view functions, clock, input,
// storage) and the network specs (src/net), which start the real server as a child process and
// talk to it over real WebSockets and HTTP (hence the generous timeouts).
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/client-test',
  resolve: { conditions: ['@tengen/source', ...defaultClientConditions] },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
