import { drawPiece, type RandomizerState } from './randomizer.ts';

/**
 * Where a game takes its pieces when its seed is kept elsewhere (the server deals them): piece
 * `index` is the `index`-th piece drawn, in the spec's draw order (0 the first piece in the well,
 * 1 its NEXT, then one per spawn). Reading never consumes, so clones of a game can share a source.
 */
export interface PieceSource {
  /** Type index 0..6 of piece `index`, or undefined while it is not known yet. */
  pieceAt(index: number): number | undefined;
}

/** Thrown when pieces handed to a `PieceQueue` are malformed or contradict what it holds. */
export class PieceSourceError extends Error {
  override name = 'PieceSourceError';
}

/**
 * A `PieceSource` fed from outside by piece index (`add(from, types)`), as the server's `pieces`
 * messages arrive. Re-sending pieces it already holds is harmless (they must agree); a gap is refused.
 * A queue for a restored game may start at the snapshot's draw index (`new PieceQueue(start)`):
 * earlier pieces are never read again.
 */
export class PieceQueue implements PieceSource {
  /** Index of the first piece this queue holds. */
  readonly start: number;
  readonly #types: number[] = [];

  constructor(start = 0) {
    if (!Number.isInteger(start) || start < 0)
      throw new PieceSourceError(`queue start must be an integer >= 0, got ${String(start)}`);
    this.start = start;
  }

  /** One past the last known piece index (pieces `start` .. `length - 1` are known). */
  get length(): number {
    return this.start + this.#types.length;
  }

  pieceAt(index: number): number | undefined {
    return index < this.start ? undefined : this.#types[index - this.start];
  }

  /** Adds pieces `from`, `from + 1`, ...; throws `PieceSourceError` on bad data, a gap or a contradiction. */
  add(from: number, types: readonly number[]): void {
    if (!Number.isInteger(from) || from < 0)
      throw new PieceSourceError(`pieces.from must be an integer >= 0, got ${String(from)}`);
    if (from > this.length)
      throw new PieceSourceError(
        `pieces from ${from} leave a gap: only pieces up to ${this.length - 1} are known`,
      );
    types.forEach((t, i) => {
      if (!Number.isInteger(t) || t < 0 || t > 6)
        throw new PieceSourceError(`piece ${from + i} must be a type index 0..6, got ${String(t)}`);
      const known = this.pieceAt(from + i);
      if (known !== undefined && known !== t)
        throw new PieceSourceError(`piece ${from + i} is already ${known}, not ${t}`);
    });
    for (let i = this.length - from; i < types.length; i++) this.#types.push(types[i]!);
  }
}

/**
 * The seeded NES sequence as a `PieceSource`: exactly the pieces `new Game({ seed })` draws, in
 * order. The server deals a game's pieces from it; tests feed queue-fed games with it.
 */
export class SeededPieces implements PieceSource {
  readonly seed: number;
  readonly #types: number[] = [];
  readonly #r: RandomizerState;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 1 || seed > 0xffff)
      throw new RangeError(`seed must be an integer 1..65535, got ${String(seed)}`);
    this.seed = seed;
    // The randomizer as `createState` starts it: rng = seed, no spawns yet.
    this.#r = { rng: seed, spawnCount: 0, spawnId: 0 };
  }

  pieceAt(index: number): number {
    if (!Number.isInteger(index) || index < 0)
      throw new RangeError(`piece index must be an integer >= 0, got ${String(index)}`);
    while (this.#types.length <= index) this.#types.push(drawPiece(this.#r));
    return this.#types[index]!;
  }

  /** Pieces `from` .. `to - 1`. */
  slice(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = from; i < to; i++) out.push(this.pieceAt(i));
    return out;
  }
}
