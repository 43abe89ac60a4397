import type { Replay } from '@tengen/engine';

/** Reads a replay's run-length inputs one frame at a time. */
export class ReplayCursor {
  readonly #inputs: Replay['inputs'];
  #run = 0;
  #left: number;

  constructor(replay: Pick<Replay, 'inputs'>) {
    this.#inputs = replay.inputs;
    this.#left = this.#inputs[0]?.[0] ?? 0;
  }

  /** True when every recorded frame has been read. */
  get done(): boolean {
    return this.#run >= this.#inputs.length;
  }

  /** The next frame's buttons (0 after the end). */
  next(): number {
    const run = this.#inputs[this.#run];
    if (run === undefined) return 0;
    const b = run[1];
    if (--this.#left <= 0) {
      this.#run++;
      this.#left = this.#inputs[this.#run]?.[0] ?? 0;
    }
    return b;
  }
}
