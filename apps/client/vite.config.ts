// Vite config for the browser client: engine from source, selective Phaser, dev proxy to the server.
import { defaultClientConditions, defineConfig, loadEnv } from 'vite';
import { phaserLite } from './build/phaser-lite-plugin.ts';
import { precompress } from './build/precompress-plugin.ts';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, import.meta.dirname, ['VITE_', 'TENGEN_']);
  // The dev server forwards API and Colyseus traffic to `nx serve server` (TENGEN_DEV_SERVER overrides).
  const target = env['TENGEN_DEV_SERVER'] || 'http://localhost:2567';
  const proxy = { target, changeOrigin: true };
  // Colyseus opens its WebSocket at /<processId>/<roomId>?...: proxy upgrades only, serve pages locally.
  const roomSocket = {
    target,
    changeOrigin: true,
    ws: true,
    bypass: (req: { url?: string }, res: unknown) => (res ? req.url : undefined),
  };
  return {
    root: import.meta.dirname,
    base: '/',
    cacheDir: '../../node_modules/.vite/apps/client',
    plugins: [phaserLite(), precompress()],
    resolve: { conditions: ['@tengen/source', ...defaultClientConditions] },
    server: {
      port: 4200,
      host: 'localhost',
      proxy: {
        '/api': proxy,
        '/healthz': proxy,
        '/matchmake': proxy,
        '^/[\\w-]+/[\\w-]+\\?': roomSocket,
      },
    },
    preview: { port: 4300, host: 'localhost' },
    build: {
      outDir: '../../dist/apps/client',
      emptyOutDir: true,
      reportCompressedSize: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1500,
    },
  };
});
