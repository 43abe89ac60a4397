import type { GameStats } from '@tengen/engine';
import type { GameMode } from './game-modes.ts';

/**
 * The numbers of a finished game: where it started and what it reached in how many frames, as the
 * server's re-run of its replay verified them. The server stores them (`@tengen/scores`' `NewGame`)
 * and shows them (`GameInfoResponse`).
 */
export interface GameTotals {
  score: number;
  lines: number;
  level: number;
  startLevel: number;
  frames: number;
}

/**
 * Body of `GET /api/games/:id`: a stored game's facts for its replay page. The replay itself is at
 * `GET /api/replays/:id`; the numbers are the server's own re-run of it.
 */
export interface GameInfoResponse extends GameTotals {
  /** The game's id, which is also its replay's id. */
  id: string;
  mode: GameMode;
  name: string;
  /** The rules version the game was verified under. */
  engineVersion: number;
  /** When the game was stored, ISO-8601. */
  at: string;
  /**
   * Tetris rate, burns, longest drought, pieces per minute and piece counts of the whole game, from
   * the server's re-run of the replay (read them with `parseGameStats`); null if it cannot be re-run.
   */
  stats: GameStats | null;
}
