import { fileURLToPath } from 'node:url';
import { errors, nodePostgres, nodePostgresMigrator } from '../drizzle.ts';
import type pg from 'pg';
import type { MigrationResult } from '../migrate.ts';
import { openPool, redactUrl, type PgOptions } from './pg-database.ts';
import { pgFailure } from './pg-errors.ts';

const { drizzle } = nodePostgres;
const { migrate } = nodePostgresMigrator;
const { DrizzleQueryError } = errors;

/** The PostgreSQL migrations drizzle-kit generated from `schema.ts`, shipped with this package. */
export const PG_MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle/pg', import.meta.url));

/** Any fixed number: the advisory lock every process takes around migrating. */
const MIGRATION_LOCK = 0x7e76e7;

/**
 * Applies pending migrations (Drizzle's migrator: every pending migration in one transaction,
 * recorded in `drizzle.__drizzle_migrations`) while holding a session advisory lock, so several
 * processes starting at once migrate one after the other: the first applies them, the others wait
 * and find nothing left to do.
 */
export async function migratePg(
  pool: pg.Pool,
  opts: { migrationsFolder?: string } = {},
): Promise<MigrationResult> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const before = await countApplied(client);
      await migrate(drizzle(client), {
        migrationsFolder: opts.migrationsFolder ?? PG_MIGRATIONS_FOLDER,
      });
      const total = await countApplied(client);
      return { applied: total - before, total };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } catch (err) {
    broken = true;
    throw withStatement(err);
  } finally {
    // A connection that failed mid-way is closed rather than reused (it may still hold the lock).
    client.release(broken);
  }
}

async function countApplied(client: pg.PoolClient): Promise<number> {
  const table = await client.query<{ t: string | null }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations') AS t`,
  );
  if (!table.rows[0]?.t) return 0;
  const { rows } = await client.query<{ n: string }>(
    'SELECT count(*) AS n FROM drizzle.__drizzle_migrations',
  );
  return Number(rows[0]?.n ?? 0);
}

/** Drizzle's wrapper says which statement failed, its cause why: one error saying both. */
function withStatement(err: unknown): unknown {
  if (!(err instanceof DrizzleQueryError) || !(err.cause instanceof Error)) return err;
  const statement = err.query.replace(/\s+/g, ' ').trim().slice(0, 200);
  return Object.assign(
    new Error(`migration failed: ${err.cause.message} (in: ${statement})`, { cause: err.cause }),
    {
      code: (err.cause as { code?: unknown }).code,
    },
  );
}

/**
 * `migrate` for a URL: connects, migrates, disconnects. Rejects with `DatabaseUnavailableError`
 * (one line, no password) when the database cannot be reached.
 */
export async function migratePgDatabase(opts: PgOptions): Promise<MigrationResult> {
  const { pool } = openPool(opts);
  try {
    return await migratePg(pool);
  } catch (err) {
    throw pgFailure(err, redactUrl(opts.url));
  } finally {
    await pool.end().catch(() => undefined);
  }
}
