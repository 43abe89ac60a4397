import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startPostgres, type TestPostgres } from '@tengen/test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationResult } from '../migrate.ts';
import { openPool } from './pg-database.ts';
import { migratePg, PG_MIGRATIONS_FOLDER } from './pg-migrate.ts';

const run = promisify(execFile);
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

/** The real migrations' count. */
const REAL = (
  JSON.parse(readFileSync(join(PG_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

/** A copy of the real migrations plus a last one holding `sql`. */
function withExtra(sql: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scores-pg-migrate-'));
  dirs.push(dir);
  const folder = join(dir, 'migrations');
  cpSync(PG_MIGRATIONS_FOLDER, folder, { recursive: true });
  writeFileSync(join(folder, '9999_extra.sql'), sql);
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, tag: '9999_extra', when: last.when + 1 });
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

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
    expect(await tables(url)).toEqual(['games', 'name_claims', 'name_codes']);
  });

  it('is safe when two processes migrate the same database at the same moment (advisory lock)', async () => {
    const { url } = await server.createDatabase();
    const folder = withExtra('SELECT pg_sleep(1);\nCREATE TABLE slow (x int);');
    const startAt = String(Date.now() + 3_000);
    const spawnOne = () =>
      run(process.execPath, ['--conditions=@tengen/source', worker, url, startAt, folder], {
        timeout: 60_000,
      });
    const outputs = await Promise.all([spawnOne(), spawnOne()]);
    const results = outputs.map((o) => JSON.parse(o.stdout) as MigrationResult);
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
    expect(await tables(url)).toEqual(['games', 'name_claims', 'name_codes']);
  });
});
