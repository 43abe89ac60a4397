import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@tengen/source'] },
  test: { include: ['scripts/**/*.spec.ts'], environment: 'node' },
});
