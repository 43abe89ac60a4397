// Test support: the migration specs' copies of a migrations folder with one more migration.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MigrationResult } from '../migrate.ts';

const run = promisify(execFile);

/** How many migrations a drizzle-kit folder's journal lists. */
export function migrationCount(folder: string): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** How many migrations come before the one whose tag ends with `name` (`0003_best_scores`). */
export function migrationsBefore(folder: string, name: string): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(name));
  if (at < 0) throw new Error(`no migration ${name} in ${folder}`);
  return at;
}

/**
 * A copy of `folder` (in a new temp folder, added to `dirs` for removal) with one more migration,
 * `9999_extra`, holding `sql`.
 */
export function withExtraMigration(folder: string, sql: string, dirs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'scores-migrations-'));
  dirs.push(dir);
  const copy = join(dir, 'migrations');
  cpSync(folder, copy, { recursive: true });
  writeFileSync(join(copy, '9999_extra.sql'), sql);
  const journalPath = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, tag: '9999_extra', when: last.when + 1 });
  writeFileSync(journalPath, JSON.stringify(journal));
  return copy;
}

/**
 * Runs two copies of a migrate worker (`fixtures/*-migrate-worker.ts TARGET START_MS FOLDER`) that
 * start migrating `target` at the same wall-clock moment, `leadMs` from now, and returns what each
 * printed (its `MigrationResult`).
 */
export async function raceTwoMigrations(
  worker: string,
  target: string,
  folder: string,
  leadMs: number,
): Promise<MigrationResult[]> {
  const startAt = String(Date.now() + leadMs);
  const spawnOne = () =>
    run(process.execPath, ['--conditions=@tengen/source', worker, target, startAt, folder], {
      timeout: 60_000,
    });
  const outputs = await Promise.all([spawnOne(), spawnOne()]);
  return outputs.map((o) => JSON.parse(o.stdout) as MigrationResult);
}

/** A copy of `folder` holding only its first `n` migrations (a database as an older release left it). */
export function firstMigrations(folder: string, n: number, dirs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'scores-migrations-'));
  dirs.push(dir);
  const copy = join(dir, 'migrations');
  cpSync(folder, copy, { recursive: true });
  const journalPath = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.slice(0, n);
  writeFileSync(journalPath, JSON.stringify(journal));
  return copy;
}
