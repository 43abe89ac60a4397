import { Game, GameEvent, seedFromHex, type Replay } from '@tengen/engine';
import { COPY_MIN_SHARED_PIECES, COPY_WINDOW_PIECES } from '@tengen/protocol';

/**
 * Every piece a replay locks, in order, as one number: orientation ($00-$12, which also names the
 * piece), pivot column and row at the lock frame. Two games on one seed get the same piece at each
 * index (the generator advances once per piece), so equal numbers at an index mean the same move.
 */
export function placements(replay: Replay): Int32Array {
  const game = new Game({
    seed: seedFromHex(replay.seed),
    startLevel: replay.startLevel,
    version: replay.version,
  });
  const out: number[] = [];
  outer: for (const [count, buttons] of replay.inputs) {
    for (let n = count; n > 0; n--) {
      const ev = game.step(buttons);
      if ((ev & GameEvent.TopOut) !== 0) break outer;
      // playState_lockTetrimino leaves the piece's orientation and pivot readable on the lock frame.
      if ((ev & GameEvent.Lock) !== 0)
        out.push((game.orientation << 16) | ((game.pieceX + 8) << 8) | (game.pieceY + 8));
    }
  }
  return Int32Array.from(out);
}

/**
 * The most equal placements found among `window` consecutive piece indices of two games on the
 * same seed and start level (a sliding window over the aligned sequences; shorter games are
 * compared over their whole length). A copied game keeps nearly every placement of its source over
 * long stretches; independent play diverges within a few pieces (see `isCopy`).
 */
export function sharedPlacements(
  a: Int32Array,
  b: Int32Array,
  window = COPY_WINDOW_PIECES,
): number {
  const n = Math.min(a.length, b.length);
  let best = 0;
  let inWindow = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) inWindow++;
    if (i >= window && a[i - window] === b[i - window]) inWindow--;
    if (inWindow > best) best = inWindow;
  }
  return best;
}

/**
 * The copy rule: a game copies another of the same seed and start level when some stretch of
 * `COPY_WINDOW_PIECES` pieces has at least `COPY_MIN_SHARED_PIECES` identical placements. The
 * figures behind both numbers are in the server README ("Copied games").
 */
export function isCopy(candidate: Int32Array, stored: Int32Array): boolean {
  return sharedPlacements(candidate, stored) >= COPY_MIN_SHARED_PIECES;
}
