import { fileURLToPath } from 'node:url';
import { migrator } from './drizzle.ts';
import type { SqliteDatabase } from './database.ts';

const { readMigrationFiles } = migrator;

/** The migrations drizzle-kit generated from `schema.ts`, shipped with this package. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/** drizzle-kit's bookkeeping table, so `drizzle-kit` tooling sees the same history. */
const TABLE = '__drizzle_migrations';

/** What a migration run did. */
export interface MigrationResult {
  /** Migrations applied by this call (0 when another process got there first). */
  applied: number;
  /** Migrations recorded in the database afterwards. */
  total: number;
}

/**
 * Applies pending migrations inside one `BEGIN EXCLUSIVE` transaction. Several replicas starting
 * at once are safe: the first takes the exclusive lock and migrates, the others wait (up to
 * `waitMs`, retrying on SQLITE_BUSY) and then find nothing to do. drizzle's own migrator creates
 * its table outside the transaction and starts with a deferred `BEGIN`, which races.
 */
export function migrateDatabase(
  db: SqliteDatabase,
  opts: { migrationsFolder?: string; waitMs?: number } = {},
): MigrationResult {
  const migrations = readMigrationFiles({
    migrationsFolder: opts.migrationsFolder ?? MIGRATIONS_FOLDER,
  });
  const deadline = Date.now() + (opts.waitMs ?? 30_000);
  for (;;) {
    try {
      return migrateOnce(db, migrations);
    } catch (err) {
      if (!isBusy(err) || Date.now() > deadline) throw err;
      sleepSync(25 + Math.random() * 50);
    }
  }
}

function migrateOnce(
  db: SqliteDatabase,
  migrations: ReturnType<typeof readMigrationFiles>,
): MigrationResult {
  db.exec('BEGIN EXCLUSIVE');
  try {
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
    );
    const last = db
      .prepare(`SELECT created_at FROM "${TABLE}" ORDER BY created_at DESC LIMIT 1`)
      .get() as { created_at: number } | undefined;
    const insert = db.prepare(`INSERT INTO "${TABLE}" (hash, created_at) VALUES (?, ?)`);
    let applied = 0;
    for (const m of migrations) {
      if (last && Number(last.created_at) >= m.folderMillis) continue;
      for (const stmt of m.sql) if (stmt.trim()) db.exec(stmt);
      insert.run(m.hash, m.folderMillis);
      applied++;
    }
    const { total } = db.prepare(`SELECT count(*) AS total FROM "${TABLE}"`).get() as {
      total: number;
    };
    db.exec('COMMIT');
    return { applied, total };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/** True for SQLite's "another connection holds the lock" errors. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_LOCKED' ||
    (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'))
  );
}

/** Start-up only: blocks the thread briefly between lock attempts. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
