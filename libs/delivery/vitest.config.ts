import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@tengen/source'] },
  test: { include: ['src/**/*.spec.ts'], environment: 'node' },
});
