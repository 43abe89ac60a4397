/** Display frames a still picture goes without a draw at most (about 2 draws a second at 60 Hz). */
export const KEEP_ALIVE_FRAMES = 30;

/** How many display frames were stepped and how many of them drew the canvas, since the last reset. */
export interface DrawCounts {
  steps: number;
  drawn: number;
}

/**
 * Decides, once per display frame after the update, whether the canvas is drawn. A frame is drawn
 * when something on it changed since the last draw (`invalidate`: a panel updated, the scene
 * started, the canvas was resized, a test asked), and at least every `keepAliveFrames` frames
 * anyway, so nothing missed can leave a stale picture for long. A still game (most frames of NES
 * Tetris: a piece moves a row every few frames) then costs the device no drawing and no compositing.
 * Pure: frames come in, decisions go out.
 */
export class DrawGate {
  readonly keepAliveFrames: number;
  #dirty = true;
  #sinceDraw = 0;
  #steps = 0;
  #drawn = 0;

  constructor(keepAliveFrames = KEEP_ALIVE_FRAMES) {
    if (!Number.isInteger(keepAliveFrames) || keepAliveFrames < 1) {
      throw new RangeError(`keepAliveFrames must be a positive integer, got ${keepAliveFrames}`);
    }
    this.keepAliveFrames = keepAliveFrames;
  }

  /** Something on the canvas changed: the next frame draws. */
  invalidate(): void {
    this.#dirty = true;
  }

  /** Called once per display frame, after the update: true when this frame draws. */
  take(): boolean {
    this.#steps++;
    this.#sinceDraw++;
    if (!this.#dirty && this.#sinceDraw < this.keepAliveFrames) return false;
    this.#dirty = false;
    this.#sinceDraw = 0;
    this.#drawn++;
    return true;
  }

  /** Frames stepped and drawn since the last `reset`. */
  counts(): DrawCounts {
    return { steps: this.#steps, drawn: this.#drawn };
  }

  /** Zeroes the counts (the decision state is kept). */
  reset(): void {
    this.#steps = 0;
    this.#drawn = 0;
  }
}
