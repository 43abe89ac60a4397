import type pg from 'pg';
import { playerPage, topBoard } from '../board-reader.ts';
import { gameInfoOf, insertGame, newGameId, rankOf, replayOf, replaysOf } from '../game-queries.ts';
import {
  issueCode,
  nameStatus,
  redeemCode,
  type NameStatus,
  type RedeemOutcome,
} from '../name-ledger.ts';
import { withRetry, type RetryOptions } from '../retry.ts';
import type { GameMode } from '../schema.ts';
import type {
  BoardFilter,
  GameInfo,
  NewGame,
  PlayerGames,
  SavedGame,
  ScoreEntry,
  ScoreStore,
  StoredReplay,
} from '../score-store.ts';
import { POSTGRES, runAsync, type Program } from '../sql/program.ts';
import { execPg, openPool, redactUrl, type PgDb, type PgOptions } from './pg-database.ts';
import { DatabaseUnavailableError, isPgRetryable, pgFailure } from './pg-errors.ts';
import { migratePg } from './pg-migrate.ts';

/** Options for `PgScoreStore.open`. */
export interface PgStoreOptions extends PgOptions {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Clock for `created_at`; tests pass a fake. */
  now?: () => Date;
  /** Backoff for serialization failures and deadlocks. */
  retry?: RetryOptions;
  /** How often readiness pings the database (default 5 s). */
  probeIntervalMs?: number;
}

/**
 * `ScoreStore` on PostgreSQL (node-postgres + Drizzle): the same programs as the SQLite store, for
 * any number of processes sharing one database. Saves of one id from several processes store it
 * once (the primary key decides); a lost connection rejects the calls in flight with
 * `DatabaseUnavailableError` and turns `isReady` false until a query succeeds again. The process
 * never crashes on it.
 */
export class PgScoreStore implements ScoreStore {
  readonly #pool: pg.Pool;
  readonly #db: PgDb;
  readonly #where: string;
  readonly #now: () => Date;
  readonly #retry: RetryOptions;
  readonly #probe: NodeJS.Timeout;
  #open = true;
  #reachable = true;

  private constructor(pool: pg.Pool, db: PgDb, opts: PgStoreOptions) {
    this.#pool = pool;
    this.#db = db;
    this.#where = redactUrl(opts.url);
    this.#now = opts.now ?? (() => new Date());
    this.#retry = { retryable: isPgRetryable, ...opts.retry };
    this.#probe = setInterval(() => void this.#ping(), opts.probeIntervalMs ?? 5_000);
    this.#probe.unref();
  }

  /**
   * Connects, applies migrations, and resolves once the database answers. Rejects with a
   * `DatabaseUnavailableError` (one line, no password) when it cannot be reached.
   */
  static async open(opts: PgStoreOptions): Promise<PgScoreStore> {
    const opened: { store?: PgScoreStore } = {};
    const { pool, db } = openPool({
      ...opts,
      onIdleError: () => {
        if (opened.store) opened.store.#reachable = false;
      },
    });
    try {
      if (opts.migrate ?? true) await migratePg(pool);
      else await pool.query('SELECT 1');
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw pgFailure(err, redactUrl(opts.url));
    }
    opened.store = new PgScoreStore(pool, db, opts);
    return opened.store;
  }

  isReady(): boolean {
    return this.#open && this.#reachable;
  }

  async saveGame(game: NewGame): Promise<SavedGame> {
    const id = game.id ?? newGameId();
    const at = (game.createdAt ?? this.#now()).getTime();
    // The claim and the game in one transaction; a racing claim of the same name waits for the
    // other transaction to commit (ON CONFLICT on the name key) and then sees it.
    const { claimed } = await this.#write(() => insertGame(game, id, at));
    const rank = await this.#read(() => rankOf(POSTGRES, game, id));
    return { id, rank, claimed };
  }

  topScores(mode: GameMode, limit: number, filter?: BoardFilter): Promise<ScoreEntry[]> {
    return this.#read(() => topBoard(POSTGRES, mode, limit, filter));
  }

  playerGames(name: string, recent: number): Promise<PlayerGames> {
    return this.#read(() => playerPage(POSTGRES, name, recent));
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
      redeemCode(POSTGRES, name, codeHash, newKeyHash, this.#now().getTime(), maxFailures),
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

  /** Closes the pool (connections end in the background); later calls reject. */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    clearInterval(this.#probe);
    void this.#pool.end().catch(() => undefined);
  }

  /** Runs a read program on the pool. */
  #read<T>(program: () => Program<T>): Promise<T> {
    return this.#run(() => runAsync(program(), (q) => execPg(this.#db, q)));
  }

  /** Runs a write program in one transaction (READ COMMITTED; rows read for update are locked). */
  #write<T>(program: () => Program<T>): Promise<T> {
    return this.#run(() => this.#db.transaction((tx) => runAsync(program(), (q) => execPg(tx, q))));
  }

  async #run<T>(op: () => Promise<T>): Promise<T> {
    if (!this.#open) throw new Error('score store is closed');
    try {
      const result = await withRetry(op, this.#retry);
      this.#reachable = true;
      return result;
    } catch (err) {
      const failure = pgFailure(err, this.#where);
      if (failure instanceof DatabaseUnavailableError) this.#reachable = false;
      throw failure;
    }
  }

  async #ping(): Promise<void> {
    try {
      await this.#pool.query('SELECT 1');
      this.#reachable = true;
    } catch {
      this.#reachable = false;
    }
  }
}
