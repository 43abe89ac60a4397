import { GameEvent } from './buttons.ts';
import { Game } from './game.ts';
import { PIECE_TYPES } from './pieces.ts';
import type { Replay, ReplaySummary } from './replay-types.ts';
import { seedFromHex } from './seed.ts';

const STOP_OR_SPAWN = GameEvent.Spawn | GameEvent.TopOut;

/**
 * Re-runs a (validated) replay, under its own rules version, until its inputs end or the game tops out, and reports the result.
 * Inputs after the top-out frame are ignored.
 */
export function runReplay(replay: Replay): ReplaySummary {
  const game = new Game({
    seed: seedFromHex(replay.seed),
    startLevel: replay.startLevel,
    version: replay.version,
  });
  let pieces = PIECE_TYPES[game.pieceTypeIndex]!;
  const inputs = replay.inputs;
  outer: for (let r = 0; r < inputs.length; r++) {
    const run = inputs[r]!;
    const buttons = run[1];
    for (let n = run[0]; n > 0; n--) {
      const ev = game.step(buttons);
      if ((ev & STOP_OR_SPAWN) !== 0) {
        if ((ev & GameEvent.TopOut) !== 0) break outer;
        pieces += PIECE_TYPES[game.pieceTypeIndex]!;
      }
    }
  }
  return {
    score: game.score,
    lines: game.lines,
    level: game.level,
    frames: game.frame,
    topOut: game.topOut,
    pieces,
  };
}
