import { InputBatcher, MAX_BATCH_FRAMES, MAX_BATCH_RUNS, type InputBatch } from '@tengen/protocol';

/** Run-length inputs `[frames, buttons][]` as a replay stores them. */
export type Runs = readonly (readonly [number, number])[];

/** The runs covering frames `from` (inclusive) to `to` (exclusive) of a run-length input list. */
export function sliceRuns(runs: Runs, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const [n, b] of runs) {
    const end = start + n;
    const lo = Math.max(start, from);
    const hi = Math.min(end, to);
    if (hi > lo) out.push([hi - lo, b]);
    start = end;
    if (start >= to) break;
  }
  return out;
}

/** Splits runs starting at frame `from` into batches within the server's per-message limits. */
export function chunkRuns(
  runs: Runs,
  from: number,
  maxFrames = MAX_BATCH_FRAMES,
  maxRuns = MAX_BATCH_RUNS,
): InputBatch[] {
  const batches: InputBatch[] = [];
  let cur: [number, number][] = [];
  let frames = 0;
  let next = from;
  const close = (): void => {
    if (cur.length === 0) return;
    batches.push({ from: next, runs: cur });
    next += frames;
    cur = [];
    frames = 0;
  };
  for (const [n0, b] of runs) {
    let n = n0;
    while (n > 0) {
      if (cur.length >= maxRuns || frames >= maxFrames) close();
      const take = Math.min(n, maxFrames - frames);
      cur.push([take, b]);
      frames += take;
      n -= take;
    }
  }
  close();
  return batches;
}

/**
 * Streams one game's per-frame buttons to the server in small run-length batches (the protocol's
 * `InputBatcher` policy) and can re-send a stretch from the local recording when the server says it
 * is missing frames (after a reconnection).
 */
export class InputStream {
  readonly #send: (batch: InputBatch) => void;
  readonly #batcher: InputBatcher;

  constructor(send: (batch: InputBatch) => void, from = 0) {
    this.#send = send;
    this.#batcher = new InputBatcher(from);
  }

  /** Next frame the stream expects. */
  get nextFrame(): number {
    return this.#batcher.nextFrame;
  }

  /** Records frame `frame`'s buttons (frames must come in order; a gap is a bug). */
  push(frame: number, buttons: number): void {
    if (frame !== this.#batcher.nextFrame)
      throw new Error(`input stream expected frame ${this.#batcher.nextFrame}, got ${frame}`);
    const batch = this.#batcher.push(buttons);
    if (batch) this.#send(batch);
  }

  /** Sends whatever is pending (before a pause, at top-out). */
  flush(): void {
    const batch = this.#batcher.flush();
    if (batch) this.#send(batch);
  }

  /**
   * Re-sends frames from `from` through the last recorded one (pending frames included, in order),
   * taken from the game's recorded runs, which start at frame `base` (0, or a resumed game's frame).
   */
  resendFrom(from: number, recorded: Runs, base = 0): void {
    const end = this.#batcher.nextFrame;
    this.#batcher.flush(); // covered by the re-send below
    if (from >= end || from < base) return;
    for (const b of chunkRuns(sliceRuns(recorded, from - base, end - base), from)) this.#send(b);
  }
}
