// The client's network code against the real server, in node: each spec starts the server as a child
// process (`spawnServer` from @tengen/test-kit, which finds it through the root .env) and talks to it
// over real WebSockets and HTTP, hence the generous timeouts. The client's modules are imported as
// `@tengen/client/<path under src>`, with the browser's export conditions, as the client's own tests do.
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/client-integration',
  resolve: { conditions: ['@tengen/source', ...defaultClientConditions] },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
