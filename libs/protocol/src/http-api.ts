import type { GameMode } from './game-modes.ts';

/** One line of `GET /api/scores`: a name's best game. */
export interface ScoreLine {
  rank: number;
  name: string;
  score: number;
  lines: number;
  level: number;
  startLevel: number;
  /** Fetch the game with `GET /api/replays/:replayId` (replay v1 JSON). */
  replayId: string;
  /** When the game was stored, ISO-8601. */
  at: string;
}

/**
 * Body of `GET /api/scores?mode=solo|duo&limit=N` (default mode solo; `limit` from 1 to
 * `SCOREBOARD_MAX_LIMIT`, default `SCOREBOARD_DEFAULT_LIMIT`).
 */
export interface ScoresResponse {
  mode: GameMode;
  scores: ScoreLine[];
}

/** Body of every HTTP error (400 bad parameter, 404 unknown replay, 503 unavailable). */
export interface ErrorResponse {
  error: string;
}
