import { FRAMES_PER_SECOND } from '@tengen/protocol';
import {
  addStatEvent,
  emptyStats,
  PIECE_TYPES,
  statEventsOf,
  statsOf,
  type Game,
  type GameStats,
  type StatsTally,
} from '@tengen/engine';

/**
 * Follows one live game's statistics as it is stepped (the engine's pure fold, one event at a
 * time). A game resumed from a snapshot starts from its piece counts; its earlier clears and
 * droughts are not in a snapshot, so they count from the resume on.
 */
export class StatsTracker {
  #tally: StatsTally;

  constructor(game: Game) {
    if (game.frame === 0) {
      this.#tally = addStatEvent(emptyStats(), { kind: 'spawn', piece: game.pieceTypeIndex });
    } else {
      this.#tally = { ...emptyStats(), pieces: PIECE_TYPES.map((_, i) => game.stat(i)) };
    }
  }

  /** Counts one step's events (call with the `Game.step` result, the game as it left it). */
  observe(events: number, game: Game): void {
    for (const e of statEventsOf(events, game)) this.#tally = addStatEvent(this.#tally, e);
  }

  /** The statistics after `frames` frames. */
  stats(frames: number): GameStats {
    return statsOf(this.#tally, frames, FRAMES_PER_SECOND);
  }
}
