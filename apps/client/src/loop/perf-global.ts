import type { DrawCounts } from './draw-gate.ts';
import type { PerfReport } from './perf-meter.ts';

declare global {
  interface Window {
    /**
     * Frame-cost, first-playable and draw metrics for the benchmark and e2e tests (set in main.ts);
     * `redraw` makes the next display frame draw the canvas whether or not anything changed.
     */
    __tengenPerf?: { report(): PerfReport & DrawCounts; reset(): void; redraw(): void };
  }
}

export {};
