import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npx nx run server:cluster`: the whole cluster on one machine (three server processes, Redis,
 * the shared database, Debian's nginx) under a crowd of bots. Its own target: minutes, not seconds,
 * and the machine to itself.
 */
export default defineConfig({
  resolve: { conditions: ['@tengen/source'] },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['cluster/**/*.cluster.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 150_000,
    // The SDK narrates every drop and reconnection attempt of a hundred bots: keep the figures readable.
    onConsoleLog: (log) =>
      !/\[Colyseus reconnection\]|Room connection was closed unexpectedly/.test(log),
  },
});
