// The client's tests run in node: unit tests for the pure modules (view functions, clock, input,
// storage, network parsing). The specs that need a live server are in apps/client-integration, so
// the client does not depend on the server.
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
