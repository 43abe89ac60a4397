import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { migrateDatabase, MIGRATIONS_FOLDER } from './migrate.ts';
import { migrationCount, raceTwoMigrations, withExtraMigration } from './testing/migrations.ts';

const worker = fileURLToPath(new URL('./fixtures/migrate-worker.ts', import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'scores-migrate-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The real migrations' count. */
const REAL = migrationCount(MIGRATIONS_FOLDER);

const SLOW = `CREATE TABLE slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1500000) SELECT x FROM c;`;

describe('migrateDatabase', () => {
  it('creates the games table with the scoreboard and seed indexes, once', () => {
    const db = openDatabase(join(tempDir(), 'nested', 'db.sqlite'));
    expect(REAL).toBeGreaterThanOrEqual(3);
    expect(migrateDatabase(db)).toEqual({ applied: REAL, total: REAL });
    const tables = db
      .prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['games', 'name_claims', 'name_codes']));
    expect(migrateDatabase(db)).toEqual({ applied: 0, total: REAL });
    const seedIndex = db
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'games_seed_idx'`)
      .get() as { sql: string };
    expect(seedIndex.sql).toContain('`seed`,`start_level`,"score" desc');
    const index = db
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'games_board_idx'`)
      .get() as { sql: string };
    expect(index.sql).toContain('"score" desc');
    expect(db.prepare('PRAGMA journal_mode').pluck().get()).toBe('delete');
    db.close();
  });

  it('is safe when two processes migrate the same file at the same moment', async () => {
    const file = join(tempDir(), 'race.sqlite');
    const folder = withExtraMigration(MIGRATIONS_FOLDER, SLOW, dirs);
    const results = await raceTwoMigrations(worker, file, folder, 1_500);
    expect(results.map((r) => r.applied).sort()).toEqual([0, REAL + 1]);
    expect(results.every((r) => r.total === REAL + 1)).toBe(true);
    const db = openDatabase(file);
    const rows = db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
      n: number;
    };
    expect(rows.n).toBe(REAL + 1);
    db.close();
  });

  it('surfaces a broken migration and leaves nothing half-applied', () => {
    const folder = withExtraMigration(
      MIGRATIONS_FOLDER,
      'CREATE TABLE oops (x);\n--> statement-breakpoint\nNOT SQL;',
      dirs,
    );
    const db = openDatabase(join(tempDir(), 'broken.sqlite'));
    expect(() => migrateDatabase(db, { migrationsFolder: folder })).toThrow(/syntax error/);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all();
    expect(tables).toEqual([]);
    db.close();
  });
});
