import type { GameStats } from '@tengen/engine';
import type { GameInfoResponse, GameTotals } from '@tengen/protocol';
import type { NameStatus, RedeemOutcome } from './name-ledger.ts';
import type { GameMode } from './schema.ts';

/** A finished game as the server verified it, ready to be stored. */
export interface NewGame extends GameTotals {
  /**
   * The game's id, chosen by the caller so a retried save (an outbox) is stored once: saving an id
   * that is already stored with the same replay reports that row instead of adding one.
   */
  id?: string;
  /** When the game was first submitted (default: now); a game saved late keeps its place in ties. */
  createdAt?: Date;
  mode: GameMode;
  /** Player name, already validated (see `@tengen/protocol`). */
  name: string;
  seed: number;
  /** The replay as JSON text; re-running it under its version must reproduce the score. */
  replayJson: string;
  /** The rules version the game was played and verified under (the replay's `version`). */
  engineVersion: number;
  /**
   * SHA-256 (hex) of the submitting browser's key. When set, the name must be free (it is claimed
   * for this key in the same transaction) or held by this key, else `NameTakenError`. Unset only
   * for callers that store without a player (tests, tools).
   */
  keyHash?: string;
}

/** A board's filters: games since an instant (a period), of one start level. */
export interface BoardFilter {
  since?: Date;
  startLevel?: number;
}

/** One scoreboard line: a name's best game (`rank` is 0 where a list is not a ranking). */
export interface ScoreEntry {
  rank: number;
  name: string;
  mode: GameMode;
  score: number;
  lines: number;
  level: number;
  startLevel: number;
  replayId: string;
  at: Date;
}

/** Where a stored game ranks on its board right after it was saved. */
export interface SavedGame {
  id: string;
  /** 1-based position of this game among each name's best games (ties: earlier game first). */
  rank: number;
  /** The name was free and is now held by the submitting key. */
  claimed: boolean;
}

/**
 * A game on a player page: its line and its statistics (Tetris rate, burns, drought, pieces per
 * minute, piece counts) from the engine's re-run of its replay; null when the replay cannot run.
 */
export interface PlayerGameEntry extends ScoreEntry {
  stats: GameStats | null;
}

/** A player page's games: best per mode and start level, and the most recent ones. */
export interface PlayerGames {
  best: PlayerGameEntry[];
  recent: PlayerGameEntry[];
}

/** A stored game as the copy check compares it. */
export interface StoredReplay {
  id: string;
  name: string;
  /** Replay JSON text (it names its rules version). */
  replayJson: string;
}

/**
 * A stored game's public facts (the replay page's header), as the server verified them: the body of
 * `GET /api/games/:id` with its time as a `Date`.
 */
export interface GameInfo extends Omit<GameInfoResponse, 'at'> {
  at: Date;
}

/**
 * The high-score store. All methods are async so implementations may retry busy locks with
 * backoff; they reject (never swallow) on failure.
 */
export interface ScoreStore {
  /** Stores a verified game and reports its id and rank. */
  saveGame(game: NewGame): Promise<SavedGame>;
  /**
   * Best game per name, highest score first, ties to the earlier game; at most `limit` lines; only
   * games matching `filter` count.
   */
  topScores(mode: GameMode, limit: number, filter?: BoardFilter): Promise<ScoreEntry[]>;
  /** One name's (exact spelling) best game per mode and start level, and its `recent` latest games. */
  playerGames(name: string, recent: number): Promise<PlayerGames>;
  /** Whether anyone holds `name`, and whether it is the key whose hash is `keyHash`. */
  nameStatus(name: string, keyHash: string): Promise<NameStatus>;
  /** Stores a move code (hashed) for the name's holder; false when `keyHash` does not hold it. */
  issueNameCode(name: string, keyHash: string, codeHash: string, expiresAt: Date): Promise<boolean>;
  /** Tries a move code (hashed): a right, live one gives the name to `newKeyHash`. */
  redeemNameCode(
    name: string,
    codeHash: string,
    newKeyHash: string,
    maxFailures: number,
  ): Promise<RedeemOutcome>;
  /** The best `limit` stored games (any mode) of one seed and start level, highest score first. */
  replaysOf(seed: number, startLevel: number, limit: number): Promise<StoredReplay[]>;
  /** The stored replay JSON text, or undefined for an unknown id. */
  getReplay(id: string): Promise<string | undefined>;
  /** A stored game's facts (without its replay), or undefined for an unknown id. */
  gameInfo(id: string): Promise<GameInfo | undefined>;
  /** True once the database is open and migrated (for readiness probes). */
  isReady(): boolean;
  /** Closes the database; later calls reject. */
  close(): void;
}
