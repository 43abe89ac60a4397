// Test support: the store specs run once per backend, each on a fresh database: a temp SQLite
// file, or a new PostgreSQL database copied from a migrated template on one cluster per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type TestPostgres } from '@tengen/test-kit';
import { afterAll, afterEach } from 'vitest';
import { openDatabase } from '../database.ts';
import { REBUILD_BEST_SCORES } from '../game-queries.ts';
import { openPool } from '../pg/pg-database.ts';
import { migratePg } from '../pg/pg-migrate.ts';
import { PgScoreStore } from '../pg/pg-score-store.ts';
import { games as pgGames } from '../pg/schema.ts';
import type { RetryOptions } from '../retry.ts';
import { games, type NewGameRow } from '../schema.ts';
import type { ScoreStore } from '../score-store.ts';
import { SqliteScoreStore } from '../sqlite-score-store.ts';
import { betterSqlite3 } from '../drizzle.ts';

const { drizzle: drizzleSqlite } = betterSqlite3;

/** Store options the specs vary. */
export interface TestStoreOptions {
  now?: () => Date;
  retry?: RetryOptions;
}

/** One fresh, migrated, empty database of a backend. */
export interface TestDatabase {
  /** Opens another store on this database (closed after the test). */
  open(opts?: TestStoreOptions): Promise<ScoreStore>;
  /** Inserts rows straight into `games` (bulk fixtures). */
  insertGames(rows: NewGameRow[]): Promise<void>;
  /** The SQLite file or the PostgreSQL URL. */
  location: string;
}

/** A store backend the specs run against. */
export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  fresh(): Promise<TestDatabase>;
}

const TEMPLATE = 'tengen_template';

// One cluster and one cleanup list per test file (vitest loads this module once per file).
const cleanups: (() => Promise<void> | void)[] = [];
let cluster: Promise<TestPostgres> | undefined;
let hooked = false;

/**
 * Both backends, with this file's hooks registered: stores are closed and temp files removed after
 * each test; the PostgreSQL cluster starts on first use and stops after the file.
 */
export function storeBackends(): StoreBackend[] {
  if (!hooked) {
    hooked = true;
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c();
    });
    afterAll(async () => {
      if (cluster) await (await cluster).stop();
    });
  }
  const startCluster = async () => {
    const pgServer = await startPostgres();
    const { url } = await createNamed(pgServer, TEMPLATE);
    const { pool } = openPool({ url });
    await migratePg(pool);
    await pool.end();
    return pgServer;
  };

  const sqlite: StoreBackend = {
    name: 'sqlite',
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'scores-spec-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const file = join(dir, 'data', 'scores.db');
      SqliteScoreStore.open(file).close();
      return {
        location: file,
        async open(opts = {}) {
          const store = SqliteScoreStore.open(file, opts);
          cleanups.push(() => store.close());
          return store;
        },
        async insertGames(rows) {
          const db = openDatabase(file);
          drizzleSqlite(db).insert(games).values(rows).run();
          db.exec(REBUILD_BEST_SCORES);
          db.close();
        },
      };
    },
  };

  const postgres: StoreBackend = {
    name: 'postgres',
    async fresh() {
      cluster ??= startCluster();
      const { url } = await (await cluster).createDatabase(TEMPLATE);
      return {
        location: url,
        async open(opts = {}) {
          const store = await PgScoreStore.open({ url, ...opts });
          cleanups.push(() => store.close());
          return store;
        },
        async insertGames(rows) {
          const { pool, db } = openPool({ url });
          for (let i = 0; i < rows.length; i += 1000)
            await db.insert(pgGames).values(rows.slice(i, i + 1000));
          await pool.query(REBUILD_BEST_SCORES);
          await pool.end();
        },
      };
    },
  };
  return [sqlite, postgres];
}

async function createNamed(server: TestPostgres, name: string) {
  const { pool } = openPool({ url: server.url });
  await pool.query(`CREATE DATABASE "${name}"`);
  await pool.end();
  return { url: server.urlFor(name) };
}
