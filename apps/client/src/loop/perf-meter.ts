/** Percentile (0..100) of a list of numbers by nearest rank; NaN for an empty list. */
export function percentile(values: ArrayLike<number>, p: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const sorted = Array.from(values).sort((a, b) => a - b);
  const rank = Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
  return sorted[rank]!;
}

/** What the page exposes as `window.__tengenPerf` for the benchmark and e2e tests. */
export interface PerfReport {
  /** Samples kept (the most recent `capacity`). */
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** ms from navigation start to the first rendered frame a player could act in, or null. */
  firstPlayableMs: number | null;
}

/**
 * A ring buffer of per-frame update costs (engine steps + view derivation + sprite updates) in ms,
 * measured by the stage scene around its update.
 */
export class PerfMeter {
  readonly #samples: Float64Array;
  #n = 0;
  #firstPlayable: number | null = null;

  constructor(capacity = 4096) {
    this.#samples = new Float64Array(capacity);
  }

  /** Records one update's cost. */
  record(ms: number): void {
    this.#samples[this.#n % this.#samples.length] = ms;
    this.#n++;
  }

  /** Records the first playable frame's time (only the first call counts). */
  markPlayable(msSinceNavigation: number): void {
    this.#firstPlayable ??= msSinceNavigation;
  }

  /** Forgets the samples (the benchmark resets after warm-up). */
  reset(): void {
    this.#n = 0;
  }

  /** The summary the benchmark reads. */
  report(): PerfReport {
    const kept = this.#samples.subarray(0, Math.min(this.#n, this.#samples.length));
    return {
      count: kept.length,
      p50: percentile(kept, 50),
      p99: percentile(kept, 99),
      max: kept.length ? Math.max(...kept) : NaN,
      firstPlayableMs: this.#firstPlayable,
    };
  }
}
