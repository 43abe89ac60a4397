import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { BoardReader } from './board-reader.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { migrateDatabase } from './migrate.ts';
import { NameLedger, type NameStatus, type RedeemOutcome } from './name-ledger.ts';
import { withRetry, type RetryOptions } from './retry.ts';
import { games, type GameMode } from './schema.ts';
import { statsColumnOf, storedStats } from './stored-stats.ts';
import type {
  BoardFilter,
  GameInfo,
  NewGame,
  PlayerGames,
  SavedGame,
  ScoreEntry,
  ScoreStore,
  StoredReplay,
} from './score-store.ts';

/** Options for `SqliteScoreStore.open`. */
export interface SqliteStoreOptions {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Clock for `created_at`; tests pass a fake. */
  now?: () => Date;
  /** Backoff for busy locks. */
  retry?: RetryOptions;
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A 12-character URL-safe id from a cryptographic source (60 bits). */
export function newGameId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b & 31];
  return id;
}

interface StoredRow {
  rid: number;
  created_at: number;
  replay: string;
}

interface InfoRow {
  id: string;
  mode: GameMode;
  name: string;
  score: number;
  lines: number;
  level: number;
  start_level: number;
  frames: number;
  engine_version: number;
  created_at: number;
  stats: string | null;
}

/** `ScoreStore` on one SQLite file (better-sqlite3 + Drizzle), safe for several processes. */
export class SqliteScoreStore implements ScoreStore {
  readonly #sqlite: SqliteDatabase;
  readonly #now: () => Date;
  readonly #retry: RetryOptions;
  // Every statement is prepared once, at open: no SQL parsing on the request path.
  readonly #insert;
  readonly #stored;
  readonly #replay;
  readonly #board: BoardReader;
  readonly #names: NameLedger;
  readonly #ahead;
  readonly #replaysOf;
  readonly #info;
  #open = true;

  private constructor(sqlite: SqliteDatabase, opts: SqliteStoreOptions) {
    this.#sqlite = sqlite;
    this.#now = opts.now ?? (() => new Date());
    this.#retry = opts.retry ?? {};
    const db = drizzle(sqlite, { schema: { games } });
    const p = (name: string) => sql.placeholder(name);
    this.#insert = db
      .insert(games)
      .values({
        id: p('id'),
        mode: p('mode'),
        name: p('name'),
        score: p('score'),
        lines: p('lines'),
        level: p('level'),
        startLevel: p('startLevel'),
        frames: p('frames'),
        seed: p('seed'),
        replay: p('replay'),
        engineVersion: p('engineVersion'),
        stats: p('stats'),
        createdAt: p('createdAt'),
      })
      .onConflictDoNothing({ target: games.id })
      .prepare();
    this.#stored = sqlite.prepare<[{ id: string }], StoredRow>(
      'SELECT rowid AS rid, created_at, replay FROM games WHERE id = @id',
    );
    this.#replay = db
      .select({ replay: games.replay })
      .from(games)
      .where(eq(games.id, p('id')))
      .prepare();
    this.#board = new BoardReader(sqlite, (id) => this.#replay.get({ id })?.replay);
    this.#names = new NameLedger(sqlite);
    // Other names with a game ahead of this one (higher score, or same score and earlier).
    this.#ahead = sqlite.prepare<
      [{ mode: GameMode; name: string; score: number; at: number; rid: number }],
      { n: number }
    >(
      `SELECT count(DISTINCT name) AS n FROM games INDEXED BY games_rank_idx
       WHERE mode = @mode AND name <> @name AND (score > @score OR (score = @score
         AND (created_at < @at OR (created_at = @at AND rowid < @rid))))`,
    );
    // Walks games_seed_idx: one seed and start level, best first.
    this.#replaysOf = sqlite.prepare<
      [{ seed: number; startLevel: number; n: number }],
      StoredReplay
    >(
      `SELECT id, name, replay AS replayJson FROM games
       WHERE seed = @seed AND start_level = @startLevel ORDER BY score DESC LIMIT @n`,
    );
    this.#info = sqlite.prepare<[{ id: string }], InfoRow>(
      `SELECT id, mode, name, score, lines, level, start_level, frames, engine_version, created_at,
       stats FROM games WHERE id = @id`,
    );
  }

  /** Opens the file (creating it), sets the shared pragmas and applies migrations. */
  static open(file: string, opts: SqliteStoreOptions = {}): SqliteScoreStore {
    const sqlite = openDatabase(file);
    try {
      if (opts.migrate ?? true) migrateDatabase(sqlite);
      return new SqliteScoreStore(sqlite, opts);
    } catch (err) {
      sqlite.close();
      throw err;
    }
  }

  isReady(): boolean {
    return this.#open;
  }

  async saveGame(game: NewGame): Promise<SavedGame> {
    this.#assertOpen();
    const id = game.id ?? newGameId();
    const createdAt = game.createdAt ?? this.#now();
    // One short write transaction; a busy lock is retried with backoff, never waited on here.
    // An id already stored (a retried save whose first write landed) inserts nothing.
    // A name claim and the game go in one BEGIN IMMEDIATE transaction: two first submits under one
    // name (from any process) take the write lock one after the other, and the second is refused.
    const row = {
      id,
      mode: game.mode,
      name: game.name,
      score: game.score,
      lines: game.lines,
      level: game.level,
      startLevel: game.startLevel,
      frames: game.frames,
      seed: game.seed,
      replay: game.replayJson,
      engineVersion: game.engineVersion,
      // The engine re-runs the replay once more here (about 1 ms per 10 minutes of game), so pages
      // of games never have to.
      stats: statsColumnOf(game.replayJson),
      createdAt,
    };
    const write = this.#sqlite.transaction(() => {
      const claimed =
        game.keyHash === undefined
          ? false
          : this.#names.claimOrCheck(game.name, game.keyHash, createdAt.getTime());
      return { ...this.#insert.run(row), claimed };
    });
    const { changes, lastInsertRowid, claimed } = await withRetry(
      () => write.immediate(),
      this.#retry,
    );
    let at = createdAt.getTime();
    let rid = Number(lastInsertRowid);
    if (changes === 0) {
      const row = await withRetry(() => this.#stored.get({ id }), this.#retry);
      if (!row || row.replay !== game.replayJson)
        throw new Error(`game id ${id} is already stored for another game`);
      at = row.created_at;
      rid = row.rid;
    }
    const key = { mode: game.mode, name: game.name, score: game.score, at, rid };
    const ahead = await withRetry(() => this.#ahead.get(key)?.n ?? 0, this.#retry);
    return { id, rank: ahead + 1, claimed };
  }

  async topScores(mode: GameMode, limit: number, filter?: BoardFilter): Promise<ScoreEntry[]> {
    this.#assertOpen();
    return withRetry(() => this.#board.top(mode, limit, filter), this.#retry);
  }

  async playerGames(name: string, recent: number): Promise<PlayerGames> {
    this.#assertOpen();
    return withRetry(() => this.#board.player(name, recent), this.#retry);
  }

  async nameStatus(name: string, keyHash: string): Promise<NameStatus> {
    this.#assertOpen();
    return withRetry(() => this.#names.status(name, keyHash), this.#retry);
  }

  async issueNameCode(
    name: string,
    keyHash: string,
    codeHash: string,
    expiresAt: Date,
  ): Promise<boolean> {
    this.#assertOpen();
    const issue = this.#sqlite.transaction(() =>
      this.#names.issueCode(name, keyHash, codeHash, expiresAt.getTime()),
    );
    return withRetry(() => issue.immediate(), this.#retry);
  }

  async redeemNameCode(
    name: string,
    codeHash: string,
    newKeyHash: string,
    maxFailures: number,
  ): Promise<RedeemOutcome> {
    this.#assertOpen();
    const redeem = this.#sqlite.transaction(() =>
      this.#names.redeem(name, codeHash, newKeyHash, this.#now().getTime(), maxFailures),
    );
    return withRetry(() => redeem.immediate(), this.#retry);
  }

  async replaysOf(seed: number, startLevel: number, limit: number): Promise<StoredReplay[]> {
    this.#assertOpen();
    return withRetry(() => this.#replaysOf.all({ seed, startLevel, n: limit }), this.#retry);
  }

  async getReplay(id: string): Promise<string | undefined> {
    this.#assertOpen();
    const row = await withRetry(() => this.#replay.get({ id }), this.#retry);
    return row?.replay;
  }

  async gameInfo(id: string): Promise<GameInfo | undefined> {
    this.#assertOpen();
    const row = await withRetry(() => this.#info.get({ id }), this.#retry);
    if (row === undefined) return undefined;
    return {
      id: row.id,
      mode: row.mode,
      name: row.name,
      score: row.score,
      lines: row.lines,
      level: row.level,
      startLevel: row.start_level,
      frames: row.frames,
      engineVersion: row.engine_version,
      at: new Date(row.created_at),
      stats: storedStats(row.stats, row.frames, () => this.#replay.get({ id })?.replay),
    };
  }

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#sqlite.close();
  }

  #assertOpen(): void {
    if (!this.#open) throw new Error('score store is closed');
  }
}
