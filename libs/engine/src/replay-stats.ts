import { GameEvent } from './buttons.ts';
import { playReplayInputs, replayGame } from './replay-play.ts';
import type { Replay } from './replay-types.ts';
import {
  addStatEvent,
  emptyStats,
  statEventsOf,
  statsOf,
  type GameStats,
  type StatsTally,
} from './stats.ts';

/** A whole game's tally and the frames it lasted (what a store keeps to show its statistics). */
export interface ReplayTally {
  tally: StatsTally;
  frames: number;
}

/**
 * The stat tally of a whole (validated) replay, re-run under its own rules version the way
 * `runReplay` scores it: to the end of its inputs or its top-out, inputs after a top-out ignored.
 */
export function replayTally(replay: Replay): ReplayTally {
  const game = replayGame(replay);
  // The first piece is in the well before any frame is played.
  let tally = addStatEvent(emptyStats(), { kind: 'spawn', piece: game.pieceTypeIndex });
  playReplayInputs(game, replay, GameEvent.Spawn | GameEvent.LinesCleared, (ev) => {
    for (const e of statEventsOf(ev, game)) tally = addStatEvent(tally, e);
  });
  return { tally, frames: game.frame };
}

/**
 * The statistics of a whole replay (see `replayTally`). The server shows these for stored games;
 * the replay theater reaches the same numbers at its end.
 */
export function replayStats(replay: Replay, framesPerSecond: number): GameStats {
  const { tally, frames } = replayTally(replay);
  return statsOf(tally, frames, framesPerSecond);
}
