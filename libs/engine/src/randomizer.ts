import { SPAWN_ORIENTATION } from './pieces.ts';

/** The NES 16-bit generator step (`generateNextPseudorandomNumber`): bit 9 xor bit 1 shifted in at the top. */
export function lfsr(v: number): number {
  return ((((v >> 9) ^ (v >> 1)) & 1) << 15) | (v >> 1);
}

/** Randomizer position: everything `drawPiece` reads and writes. */
export interface RandomizerState {
  rng: number;
  spawnCount: number;
  spawnId: number;
}

/**
 * `pickRandomTetrimino` with the generator advanced once per piece drawn (the spec's one change,
 * as the 1990 Nintendo World Championships build does). Returns the piece type index 0..6 and
 * updates the state in place.
 */
export function drawPiece(s: RandomizerState): number {
  let rng = lfsr(s.rng);
  const spawnCount = (s.spawnCount + 1) & 0xff;
  let i = ((rng >> 8) + spawnCount) & 7;
  if (i === 7 || SPAWN_ORIENTATION[i] === s.spawnId) {
    // @invalidIndex: reroll once, offset by the previous spawn ID, modulo 7.
    rng = lfsr(rng);
    i = (((rng >> 8) & 7) + s.spawnId) % 7;
  }
  s.rng = rng;
  s.spawnCount = spawnCount;
  s.spawnId = SPAWN_ORIENTATION[i]!;
  return i;
}
