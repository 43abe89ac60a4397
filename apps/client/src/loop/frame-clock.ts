import { FRAMES_PER_SECOND } from '@tengen/protocol';

/** Milliseconds per NES frame (16.639 ms): one engine step is one frame of this clock. */
export const FRAME_MS = 1000 / FRAMES_PER_SECOND;
/** Frames a single tick may catch up before the backlog is dropped (a stalled tab, a debugger pause). */
export const DEFAULT_MAX_CATCH_UP = 6;
const EPSILON_MS = 1e-6;

/** Options for a `FrameClock`. */
export interface FrameClockOptions {
  /** Most frames one `advance` returns; the rest of a longer gap is forgotten. */
  maxCatchUp?: number;
  /** Frame duration in ms (tests and slow-motion tools). */
  frameMs?: number;
}

/**
 * A fixed-step accumulator driven by real time: `advance(now)` says how many engine frames are due
 * since the previous call, so the game runs at 60.0988 frames per second whatever the display's
 * refresh rate (a 144 Hz monitor calls it more often and mostly gets 0 or 1). Pure: time comes in.
 */
export class FrameClock {
  readonly frameMs: number;
  readonly maxCatchUp: number;
  #last: number | null = null;
  #acc = 0;
  #dropped = 0;

  constructor(opts: FrameClockOptions = {}) {
    this.frameMs = opts.frameMs ?? FRAME_MS;
    this.maxCatchUp = opts.maxCatchUp ?? DEFAULT_MAX_CATCH_UP;
    if (!(this.frameMs > 0)) throw new RangeError(`frameMs must be positive, got ${this.frameMs}`);
    if (!Number.isInteger(this.maxCatchUp) || this.maxCatchUp < 1) {
      throw new RangeError(`maxCatchUp must be a positive integer, got ${this.maxCatchUp}`);
    }
  }

  /** Frames to step now (0..maxCatchUp). The first call only sets the origin and returns 0. */
  advance(nowMs: number): number {
    if (this.#last === null || nowMs < this.#last) {
      // First call, or the clock went backwards (a new timeline): start over without stepping.
      this.#last = nowMs;
      return 0;
    }
    this.#acc += nowMs - this.#last;
    this.#last = nowMs;
    // The epsilon absorbs float rounding (t + FRAME_MS - t can come out a hair under FRAME_MS).
    let frames = Math.floor((this.#acc + EPSILON_MS) / this.frameMs);
    this.#acc = Math.max(0, this.#acc - frames * this.frameMs);
    if (frames > this.maxCatchUp) {
      this.#dropped += frames - this.maxCatchUp;
      frames = this.maxCatchUp;
      // Keep the fraction so the phase stays stable, but forget the whole frames we skipped.
    }
    return frames;
  }

  /** Forgets the origin (after a pause or when the tab was hidden): the next `advance` returns 0. */
  reset(): void {
    this.#last = null;
    this.#acc = 0;
  }

  /** Fraction of the next frame already elapsed, 0..1 (for effects that interpolate). */
  get alpha(): number {
    return this.#acc / this.frameMs;
  }

  /** Frames skipped because a tick was later than `maxCatchUp` frames (for diagnostics). */
  get droppedFrames(): number {
    return this.#dropped;
  }
}
