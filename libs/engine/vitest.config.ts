import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@tengen/source'] },
  test: {
    include: ['src/**/*.spec.ts', 'bin/**/*.spec.ts'],
    environment: 'node',
    // The engine's tests are CPU-bound and deterministic (property runs, whole replays): a time
    // limit measures the machine, not the rules. Vitest's 5 s default failed a 2 s property test in
    // CI while three other tasks shared the two cores; performance lives in `engine:bench`.
    testTimeout: 60_000,
  },
});
