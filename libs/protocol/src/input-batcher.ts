import { MAX_PENDING_FRAMES, MIN_BATCH_FRAMES } from './constants.ts';

/** One `inputs` message payload. */
export interface InputBatch {
  from: number;
  runs: [number, number][];
}

/**
 * Client-side batching of per-frame buttons into `inputs` messages: call `push` once per stepped
 * frame; it returns a batch when one should be sent (buttons changed and at least
 * `MIN_BATCH_FRAMES` pending, or `MAX_PENDING_FRAMES` pending). Used by the browser client, the
 * tests and the load generator alike.
 */
export class InputBatcher {
  #from: number;
  #runs: [number, number][] = [];
  #pending = 0;
  #last = -1;
  #changed = false;
  readonly #min: number;
  readonly #max: number;

  constructor(from = 0, opts: { minFrames?: number; maxFrames?: number } = {}) {
    this.#from = from;
    this.#min = opts.minFrames ?? MIN_BATCH_FRAMES;
    this.#max = opts.maxFrames ?? MAX_PENDING_FRAMES;
  }

  /** First frame not yet returned in a batch. */
  get nextFrame(): number {
    return this.#from + this.#pending;
  }

  /** Records the buttons held in the next frame; returns a batch to send now, or null. */
  push(buttons: number): InputBatch | null {
    const last = this.#runs[this.#runs.length - 1];
    if (last && last[1] === buttons) last[0]++;
    else this.#runs.push([1, buttons]);
    if (buttons !== this.#last) this.#changed = true;
    this.#last = buttons;
    this.#pending++;
    if (this.#pending >= this.#max || (this.#changed && this.#pending >= this.#min))
      return this.flush();
    return null;
  }

  /** Returns everything pending as a batch (e.g. at top-out or pause), or null if nothing is. */
  flush(): InputBatch | null {
    if (this.#pending === 0) return null;
    const batch = { from: this.#from, runs: this.#runs };
    this.#from += this.#pending;
    this.#runs = [];
    this.#pending = 0;
    this.#changed = false;
    return batch;
  }

  /** Drops anything pending and continues from `from` (new game, or resume after reconnect). */
  reset(from = 0): void {
    this.#from = from;
    this.#runs = [];
    this.#pending = 0;
    this.#last = -1;
    this.#changed = false;
  }
}
