// Unit tests for the client's pure modules (view functions, clock, input, storage); they run in node.
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/client-test',
  resolve: { conditions: ['@tengen/source', ...defaultClientConditions] },
  test: { include: ['src/**/*.spec.ts'], environment: 'node' },
});
