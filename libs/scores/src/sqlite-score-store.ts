import { openDatabase, type SqliteDatabase } from './database.ts';
import { migrateDatabase } from './migrate.ts';
import { ProgramStore } from './program-store.ts';
import { withRetry, type RetryOptions } from './retry.ts';
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

/**
 * `ScoreStore` on one SQLite file (better-sqlite3), safe for several processes: reads and
 * `BEGIN IMMEDIATE` write transactions run synchronously, a busy lock is retried with backoff
 * (never waited on in the thread). Two first submits under one name, from any process, take the
 * write lock one after the other, and the second is refused.
 */
export class SqliteScoreStore extends ProgramStore {
  protected readonly dialect = SQLITE;
  readonly #sqlite: SqliteDatabase;
  readonly #now: () => Date;
  readonly #retry: RetryOptions;
  // Each statement is prepared once, on first use: no SQL parsing on the request path after that.
  readonly #statements = new Map<string, Statement>();
  #open = true;

  private constructor(sqlite: SqliteDatabase, opts: SqliteStoreOptions) {
    super();
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

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#sqlite.close();
  }

  protected now(): Date {
    return this.#now();
  }

  protected async read<T>(program: () => Program<T>): Promise<T> {
    this.#assertOpen();
    return withRetry(() => runSync(program(), (q) => this.#exec(q)), this.#retry);
  }

  protected async write<T>(program: () => Program<T>): Promise<T> {
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
