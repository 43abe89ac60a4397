import type { GameStats } from '@tengen/engine';
import type { GameMode } from './game-modes.ts';
import type { BoardPeriod, StartFilter } from './board-filters.ts';

/** One line of `GET /api/scores`: a name's best game. */
export interface ScoreLine {
  rank: number;
  name: string;
  mode: 'solo' | 'duo';
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
 * Body of `GET /api/scores?mode=solo|duo&period=today|week|all&start=all|0..19&limit=N`
 * (defaults solo, all, all, `SCOREBOARD_DEFAULT_LIMIT`; at most `SCOREBOARD_MAX_LIMIT`); `since` is where the period starts (ISO-8601, UTC), null for all.
 */
export interface ScoresResponse {
  mode: GameMode;
  period: BoardPeriod;
  start: StartFilter;
  since: string | null;
  scores: ScoreLine[];
}

/** A game on a player page: its line and its statistics (as in `GameInfoResponse.stats`). */
export interface PlayerGameLine extends ScoreLine {
  stats: GameStats | null;
}

/**
 * Body of `GET /api/players/:name`: the name's best game per mode and start level and its latest
 * games (`rank` is 0 in both lists); `held` when a browser holds the name. An unknown name has
 * empty lists.
 */
export interface PlayerResponse {
  name: string;
  held: boolean;
  best: PlayerGameLine[];
  recent: PlayerGameLine[];
}

/** Body of `POST /api/names/code` `{ name, key }`: a move code for the name's holder. */
export interface NameCodeResponse {
  name: string;
  code: string;
  /** ISO-8601; the code works once until then. */
  expiresAt: string;
}

/**
 * Body of `POST /api/names/claim` `{ name, code, key? }`: the name now belongs to this browser,
 * whose key is `key` (the one it sent, or a new one to keep).
 */
export interface NameClaimResponse {
  name: string;
  key: string;
}

/** Body of every HTTP error (400 bad parameter, 404 unknown replay, 503 unavailable). */
export interface ErrorResponse {
  error: string;
}
