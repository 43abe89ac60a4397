/**
 * The store's logic is written once, as generator "programs" that yield SQL queries and receive
 * their results, and run by each dialect's executor: synchronously inside a better-sqlite3
 * transaction, or awaited on a PostgreSQL connection. SQL text uses `@name` placeholders.
 */

/** Named query parameters (`@name` in the SQL text). */
export type Params = Record<string, string | number | null | undefined>;

/** One statement a program asks its executor to run. */
export interface Query {
  /** `all`: every row; `get`: the first row or undefined; `run`: a write, answered `{ changes }`. */
  op: 'all' | 'get' | 'run';
  sql: string;
  params: Params;
}

/** A program: yields queries, receives each one's result, returns `T`. */
export type Program<T> = Generator<Query, T, unknown>;

/** What a `run` query answers. */
export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** Every row of `sql`. */
export function* all<T>(sql: string, params: Params): Program<T[]> {
  return (yield { op: 'all', sql, params }) as T[];
}

/** The first row of `sql`, or undefined. */
export function* get<T>(sql: string, params: Params): Program<T | undefined> {
  return (yield { op: 'get', sql, params }) as T | undefined;
}

/** Runs a write and reports how many rows it changed. */
export function* run(sql: string, params: Params): Program<RunResult> {
  return (yield { op: 'run', sql, params }) as RunResult;
}

/** Runs a program to its end with a synchronous executor (better-sqlite3). */
export function runSync<T>(program: Program<T>, exec: (q: Query) => unknown): T {
  let step = program.next();
  while (!step.done) step = program.next(exec(step.value));
  return step.value;
}

/** Runs a program to its end with an asynchronous executor (node-postgres). */
export async function runAsync<T>(
  program: Program<T>,
  exec: (q: Query) => Promise<unknown>,
): Promise<T> {
  let step = program.next();
  while (!step.done) step = program.next(await exec(step.value));
  return step.value;
}

/** What differs between the two SQL dialects in the store's queries. */
export interface Dialect {
  name: 'sqlite' | 'postgres';
  /**
   * The last tie-break between games with the same score and instant: SQLite's insertion order
   * (`rowid`); PostgreSQL has none, so the game id (any fixed order serves).
   */
  tie: 'rowid' | 'id';
  /** An index hint after `FROM games`: SQLite plans by `INDEXED BY`, PostgreSQL by statistics. */
  indexed(index: string): string;
  /** Row lock for a read-then-write inside a transaction (SQLite's write lock already serialises). */
  forUpdate: string;
}

/** SQLite (better-sqlite3). */
export const SQLITE: Dialect = {
  name: 'sqlite',
  tie: 'rowid',
  indexed: (index) => `INDEXED BY ${index}`,
  forUpdate: '',
};

/** PostgreSQL (node-postgres). */
export const POSTGRES: Dialect = {
  name: 'postgres',
  tie: 'id',
  indexed: () => '',
  forUpdate: 'FOR UPDATE',
};

/** A database integer (PostgreSQL's `bigint` and `count(*)` arrive as strings) as a number. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
