import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_FOLDER, openDatabase } from '@tengen/scores';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tengen-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function main(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@tengen/source', MAIN, ...args],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 20_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('main.ts', () => {
  it('`migrate` applies the migrations and exits 0, twice', async () => {
    const file = join(dir, 'data', 'db.sqlite');
    // Every migration drizzle-kit generated (its journal), then none.
    const journal = JSON.parse(
      readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
    ) as { entries: unknown[] };
    const total = journal.entries.length;
    expect(total).toBeGreaterThanOrEqual(3);
    for (const applied of [total, 0]) {
      const run = await main(['migrate'], { DB_FILE: file });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        msg: 'migrations applied',
        applied,
        total,
      });
    }
    const db = openDatabase(file);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'games'`).get()).toEqual({
      name: 'games',
    });
    db.close();
  });

  it('stops at start-up with exit code 2 and the name of a bad variable', async () => {
    const run = await main([], { DRAIN_SECONDS: 'soon', DB_FILE: join(dir, 'x.db') });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tengen-server: invalid DRAIN_SECONDS="soon"/);
  });
});
