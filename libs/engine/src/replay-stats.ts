import { GameEvent } from './buttons.ts';
import { Game } from './game.ts';
import type { Replay } from './replay-types.ts';
import { seedFromHex } from './seed.ts';
import {
  addStatEvent,
  emptyStats,
  statEventsOf,
  statsOf,
  type GameStats,
  type StatsTally,
} from './stats.ts';

const STATS_OR_STOP = GameEvent.Spawn | GameEvent.LinesCleared | GameEvent.TopOut;

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
  const game = new Game({
    seed: seedFromHex(replay.seed),
    startLevel: replay.startLevel,
    version: replay.version,
  });
  // The first piece is in the well before any frame is played.
  let tally = addStatEvent(emptyStats(), { kind: 'spawn', piece: game.pieceTypeIndex });
  const inputs = replay.inputs;
  outer: for (let r = 0; r < inputs.length; r++) {
    const run = inputs[r]!;
    const buttons = run[1];
    for (let n = run[0]; n > 0; n--) {
      const ev = game.step(buttons);
      if ((ev & STATS_OR_STOP) === 0) continue;
      for (const e of statEventsOf(ev, game)) tally = addStatEvent(tally, e);
      if ((ev & GameEvent.TopOut) !== 0) break outer;
    }
  }
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
