import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPostgres, type TestPostgres } from '@tengen/test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from './pg-database.ts';
import { migratePg, PG_MIGRATIONS_FOLDER } from './pg-migrate.ts';
import { migrationCount, raceTwoMigrations, withExtraMigration } from '../testing/migrations.ts';

const worker = fileURLToPath(new URL('../fixtures/pg-migrate-worker.ts', import.meta.url));
let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server.stop());
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const REAL = migrationCount(PG_MIGRATIONS_FOLDER);
const withExtra = (sql: string) => withExtraMigration(PG_MIGRATIONS_FOLDER, sql, dirs);

async function tables(url: string): Promise<string[]> {
  const { pool } = openPool({ url });
  const { rows } = await pool.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  await pool.end();
  return rows.map((r) => r.t);
}

describe('migratePg', () => {
  it('creates the tables once, and a second run applies nothing', async () => {
    const { url } = await server.createDatabase();
    const { pool } = openPool({ url });
    try {
      expect(await migratePg(pool)).toEqual({ applied: REAL, total: REAL });
      expect(await migratePg(pool)).toEqual({ applied: 0, total: REAL });
      const { rows } = await pool.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'games' ORDER BY 1`,
      );
      expect(rows.map((r) => r.indexname)).toEqual(
        expect.arrayContaining(['games_board_idx', 'games_rank_idx', 'games_seed_idx']),
      );
    } finally {
      await pool.end();
    }
    expect(await tables(url)).toEqual(['best_scores', 'games', 'name_claims', 'name_codes']);
  });

  it('is safe when two processes migrate the same database at the same moment (advisory lock)', async () => {
    const { url } = await server.createDatabase();
    const folder = withExtra('SELECT pg_sleep(1);\nCREATE TABLE slow (x int);');
    const results = await raceTwoMigrations(worker, url, folder, 3_000);
    expect(results.map((r) => r.applied).sort()).toEqual([0, REAL + 1]);
    expect(results.every((r) => r.total === REAL + 1)).toBe(true);
    expect(await tables(url)).toContain('slow');
  });

  it('surfaces a broken migration and leaves nothing half-applied', async () => {
    const { url } = await server.createDatabase();
    const folder = withExtra('CREATE TABLE oops (x int);\n--> statement-breakpoint\nNOT SQL;');
    const { pool } = openPool({ url });
    try {
      await expect(migratePg(pool, { migrationsFolder: folder })).rejects.toThrow(/syntax error/);
      // The lock was released: another run goes through at once.
      expect(await migratePg(pool)).toEqual({ applied: REAL, total: REAL });
    } finally {
      await pool.end();
    }
    expect(await tables(url)).toEqual(['best_scores', 'games', 'name_claims', 'name_codes']);
  });
});
