import { topBoard, playerPage } from './board-reader.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { gameInfoOf, insertGame, newGameId, rankOf, replayOf, replaysOf } from './game-queries.ts';
import { migrateDatabase } from './migrate.ts';
import {
  issueCode,
  nameStatus,
  redeemCode,
  type NameStatus,
  type RedeemOutcome,
} from './name-ledger.ts';
import { withRetry, type RetryOptions } from './retry.ts';
import type { GameMode } from './schema.ts';
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
import { runSync, SQLITE, type Program, type Query } from './sql/program.ts';

export { newGameId } from './game-queries.ts';

/** Options for `SqliteScoreStore.open`. */
export interface SqliteStoreOptions {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Clock for `created_at`; tests pass a fake. */
  now?: () => Date;
  /** Backoff for busy locks. */
  retry?: RetryOptions;
}

type Statement = ReturnType<SqliteDatabase['prepare']>;

/** `ScoreStore` on one SQLite file (better-sqlite3 + Drizzle), safe for several processes. */
export class SqliteScoreStore implements ScoreStore {
  readonly #sqlite: SqliteDatabase;
  readonly #now: () => Date;
  readonly #retry: RetryOptions;
  // Each statement is prepared once, on first use: no SQL parsing on the request path after that.
  readonly #statements = new Map<string, Statement>();
  #open = true;

  private constructor(sqlite: SqliteDatabase, opts: SqliteStoreOptions) {
    this.#sqlite = sqlite;
    this.#now = opts.now ?? (() => new Date());
    this.#retry = opts.retry ?? {};
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
    const id = game.id ?? newGameId();
    const at = (game.createdAt ?? this.#now()).getTime();
    // One short write transaction; a busy lock is retried with backoff, never waited on here.
    // A name claim and the game go in one BEGIN IMMEDIATE transaction: two first submits under one
    // name (from any process) take the write lock one after the other, and the second is refused.
    const { claimed } = await this.#write(() => insertGame(game, id, at));
    const rank = await this.#read(() => rankOf(SQLITE, game, id));
    return { id, rank, claimed };
  }

  topScores(mode: GameMode, limit: number, filter?: BoardFilter): Promise<ScoreEntry[]> {
    return this.#read(() => topBoard(SQLITE, mode, limit, filter));
  }

  playerGames(name: string, recent: number): Promise<PlayerGames> {
    return this.#read(() => playerPage(SQLITE, name, recent));
  }

  nameStatus(name: string, keyHash: string): Promise<NameStatus> {
    return this.#read(() => nameStatus(name, keyHash));
  }

  issueNameCode(
    name: string,
    keyHash: string,
    codeHash: string,
    expiresAt: Date,
  ): Promise<boolean> {
    return this.#write(() => issueCode(name, keyHash, codeHash, expiresAt.getTime()));
  }

  redeemNameCode(
    name: string,
    codeHash: string,
    newKeyHash: string,
    maxFailures: number,
  ): Promise<RedeemOutcome> {
    return this.#write(() =>
      redeemCode(SQLITE, name, codeHash, newKeyHash, this.#now().getTime(), maxFailures),
    );
  }

  replaysOf(seed: number, startLevel: number, limit: number): Promise<StoredReplay[]> {
    return this.#read(() => replaysOf(seed, startLevel, limit));
  }

  getReplay(id: string): Promise<string | undefined> {
    return this.#read(() => replayOf(id));
  }

  gameInfo(id: string): Promise<GameInfo | undefined> {
    return this.#read(() => gameInfoOf(id));
  }

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#sqlite.close();
  }

  /** Runs a read program, retrying a busy lock with backoff. */
  async #read<T>(program: () => Program<T>): Promise<T> {
    this.#assertOpen();
    return withRetry(() => runSync(program(), (q) => this.#exec(q)), this.#retry);
  }

  /** Runs a write program in one `BEGIN IMMEDIATE` transaction, retrying a busy lock. */
  async #write<T>(program: () => Program<T>): Promise<T> {
    this.#assertOpen();
    const tx = this.#sqlite.transaction(() => runSync(program(), (q) => this.#exec(q)));
    return withRetry(() => tx.immediate(), this.#retry);
  }

  #exec(q: Query): unknown {
    let stmt = this.#statements.get(q.sql);
    if (!stmt) {
      stmt = this.#sqlite.prepare(q.sql);
      this.#statements.set(q.sql, stmt);
    }
    switch (q.op) {
      case 'all':
        return stmt.all(q.params);
      case 'get':
        return stmt.get(q.params);
      case 'run':
        return { changes: stmt.run(q.params).changes };
      default: {
        const never: never = q.op;
        throw new Error(`unknown query op ${String(never)}`);
      }
    }
  }

  #assertOpen(): void {
    if (!this.#open) throw new Error('score store is closed');
  }
}
