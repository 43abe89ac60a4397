import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@tengen/source'] },
  test: {
    include: ['scripts/**/*.spec.ts'],
    environment: 'node',
    // The promotion tests run two real registries and a dozen skopeo processes; in CI they share two
    // cores with the server suite and the image build, where one test took over vitest's default 5 s
    // (reproduced idle 1.1 s, 2.3 s beside 4 busy loops, 6.3 s beside 16). The hook waits for both
    // registries, whose own deadline is 20 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
