import { GameEvent } from './buttons.ts';
import { PIECE_TYPES } from './pieces.ts';
import { playReplayInputs, replayGame } from './replay-play.ts';
import type { Replay, ReplaySummary } from './replay-types.ts';

/**
 * Re-runs a (validated) replay, under its own rules version, until its inputs end or the game tops out, and reports the result.
 * Inputs after the top-out frame are ignored.
 */
export function runReplay(replay: Replay): ReplaySummary {
  const game = replayGame(replay);
  let pieces = PIECE_TYPES[game.pieceTypeIndex]!;
  playReplayInputs(game, replay, GameEvent.Spawn, (ev) => {
    if ((ev & GameEvent.TopOut) === 0) pieces += PIECE_TYPES[game.pieceTypeIndex]!;
  });
  return {
    score: game.score,
    lines: game.lines,
    level: game.level,
    frames: game.frame,
    topOut: game.topOut,
    pieces,
  };
}
