import type pg from 'pg';
import { ProgramStore } from '../program-store.ts';
import { withRetry, type RetryOptions } from '../retry.ts';
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
export class PgScoreStore extends ProgramStore {
  protected readonly dialect = POSTGRES;
  readonly #pool: pg.Pool;
  readonly #db: PgDb;
  readonly #where: string;
  readonly #now: () => Date;
  readonly #retry: RetryOptions;
  readonly #probe: NodeJS.Timeout;
  #open = true;
  #reachable = true;

  private constructor(pool: pg.Pool, db: PgDb, opts: PgStoreOptions) {
    super();
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

  /** Closes the pool (connections end in the background); later calls reject. */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    clearInterval(this.#probe);
    void this.#pool.end().catch(() => undefined);
  }

  protected now(): Date {
    return this.#now();
  }

  /** Runs a read program on the pool. */
  protected read<T>(program: () => Program<T>): Promise<T> {
    return this.#run(() => runAsync(program(), (q) => execPg(this.#db, q)));
  }

  /**
   * Runs a write program in one transaction (READ COMMITTED; rows read for update are locked). A
   * racing claim of the same name waits for the other transaction (ON CONFLICT on the name key).
   */
  protected write<T>(program: () => Program<T>): Promise<T> {
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
