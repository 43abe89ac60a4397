// @tengen/test-kit/vitest: fixtures that register Vitest hooks, apart from the main entry so that
// benchmarks, smoke tests and Playwright specs never load Vitest.
export { useServer, type Stoppable, type SuiteHooks } from './use-server.ts';
export { useTempDirs } from './temp-dirs.ts';
export { expectReplayReproduces } from './replay-checks.ts';
