import type { PerfReport } from './perf-meter.ts';

declare global {
  interface Window {
    /** Frame-cost and first-playable metrics for the benchmark and e2e tests (set in main.ts). */
    __tengenPerf?: { report(): PerfReport; reset(): void };
  }
}

export {};
