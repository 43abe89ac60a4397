import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { migrateDatabase, MIGRATIONS_FOLDER, type MigrationResult } from './migrate.ts';

const run = promisify(execFile);
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
const REAL = (
  JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

/** A copy of the real migrations plus a deliberately slow last one, to widen the race window. */
function slowMigrations(): string {
  const folder = join(tempDir(), 'migrations');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  writeFileSync(
    join(folder, '9999_slow.sql'),
    `CREATE TABLE slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1500000) SELECT x FROM c;`,
  );
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, tag: '9999_slow', when: last.when + 1 });
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

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
    const folder = slowMigrations();
    const startAt = String(Date.now() + 1_500);
    const spawnOne = () =>
      run(process.execPath, ['--conditions=@tengen/source', worker, file, startAt, folder], {
        timeout: 30_000,
      });
    const outputs = await Promise.all([spawnOne(), spawnOne()]);
    const results = outputs.map((o) => JSON.parse(o.stdout) as MigrationResult);
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
    const folder = slowMigrations();
    writeFileSync(
      join(folder, '9999_slow.sql'),
      'CREATE TABLE oops (x);\n--> statement-breakpoint\nNOT SQL;',
    );
    const db = openDatabase(join(tempDir(), 'broken.sqlite'));
    expect(() => migrateDatabase(db, { migrationsFolder: folder })).toThrow(/syntax error/);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all();
    expect(tables).toEqual([]);
    db.close();
  });
});
