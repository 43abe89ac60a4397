import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type TestPostgres } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from '../pg/pg-database.ts';
import { PgScoreStore } from '../pg/pg-score-store.ts';
import type { NewGame } from '../score-store.ts';
import { newGameId, SqliteScoreStore } from '../sqlite-score-store.ts';
import { openDatabase } from '../database.ts';
import { games } from '../schema.ts';
import { parseCopyArgs } from './copy-args.ts';
import { copySqliteToPg } from './copy-sqlite-to-pg.ts';
import { betterSqlite3 } from '../drizzle.ts';

const { drizzle } = betterSqlite3;

let server: TestPostgres;
const dir = mkdtempSync(join(tmpdir(), 'scores-copy-'));
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const T0 = Date.UTC(2026, 10, 1);

function game(name: string, score: number, extra: Partial<NewGame> = {}): NewGame {
  return {
    mode: 'solo',
    name,
    score,
    lines: score % 50,
    level: 3,
    startLevel: score % 20,
    frames: 1000 + score,
    seed: score % 7,
    replayJson: JSON.stringify({ version: 2, seed: '0001', startLevel: 0, inputs: [[score, 1]] }),
    engineVersion: 2,
    ...extra,
  };
}

/** A SQLite file with 1,203 games (more than two batches), two claims and a live code. */
async function sourceFile(name: string): Promise<string> {
  const file = join(dir, name, 'scores.db');
  let t = T0;
  const store = SqliteScoreStore.open(file, { now: () => new Date((t += 7)) });
  const db = openDatabase(file);
  drizzle(db)
    .insert(games)
    .values(
      Array.from({ length: 1200 }, (_, i) => {
        const g = game(`p${i % 40}`, i);
        return { ...g, id: newGameId(), replay: g.replayJson, createdAt: new Date(T0 - i * 3) };
      }),
    )
    .run();
  db.close();
  await store.saveGame(game('Ann', 5000, { keyHash: A, mode: 'duo' }));
  await store.saveGame(game('bob', 5000, { keyHash: B }));
  await store.saveGame(game('bob', 4000, { keyHash: B }));
  await store.issueNameCode('ann', A, 'c'.repeat(64), new Date(T0 + 600_000));
  store.close();
  return file;
}

describe('copySqliteToPg', { timeout: 120_000 }, () => {
  it('copies every game, claim and code with its id, checks them, and adds nothing when run again', async () => {
    const file = await sourceFile('full');
    const { url } = await server.createDatabase();
    const lines: string[] = [];
    const first = await copySqliteToPg(file, { url }, (l) => lines.push(l));
    expect(first.ok).toBe(true);
    expect(
      first.tables.map((t) => [t.table, t.source, t.inserted, t.alreadyThere, t.target]),
    ).toEqual([
      ['games', 1203, 1203, 0, 1203],
      ['name_claims', 2, 2, 0, 2],
      ['name_codes', 1, 1, 0, 1],
    ]);
    expect(lines).toContain(
      'games: 1203 in SQLite, 1203 copied, 0 already there; 1203 in PostgreSQL',
    );
    expect(lines.at(-1)).toMatch(/^checked: every SQLite row is in PostgreSQL/);

    const again = await copySqliteToPg(file, { url });
    expect(again.ok).toBe(true);
    expect(again.tables.map((t) => [t.inserted, t.alreadyThere, t.target])).toEqual([
      [0, 1203, 1203],
      [0, 2, 2],
      [0, 1, 1],
    ]);

    // The PostgreSQL store answers as the SQLite one did: boards, pages, replays, names, codes.
    const sqlite = SqliteScoreStore.open(file);
    const pg = await PgScoreStore.open({ url, now: () => new Date(T0 + 1000) });
    try {
      for (const mode of ['solo', 'duo'] as const)
        expect(await pg.topScores(mode, 50)).toEqual(await sqlite.topScores(mode, 50));
      expect(await pg.topScores('solo', 10, { startLevel: 7 })).toEqual(
        await sqlite.topScores('solo', 10, { startLevel: 7 }),
      );
      expect(await pg.playerGames('p3', 5)).toEqual(await sqlite.playerGames('p3', 5));
      const some = (await sqlite.topScores('solo', 1))[0]!;
      expect(await pg.gameInfo(some.replayId)).toEqual(await sqlite.gameInfo(some.replayId));
      expect(await pg.getReplay(some.replayId)).toBe(await sqlite.getReplay(some.replayId));
      expect(await pg.nameStatus('ANN', A)).toBe('yours');
      await expect(pg.saveGame(game('bob', 1, { keyHash: A }))).rejects.toThrow(
        /belongs to another player/,
      );
      expect(await pg.redeemNameCode('ann', 'c'.repeat(64), B, 5)).toEqual({ kind: 'moved' });
    } finally {
      sqlite.close();
      pg.close();
    }
  });

  it('reports rows PostgreSQL holds under the same id with other values, and fails the check', async () => {
    const file = await sourceFile('clash');
    const { url } = await server.createDatabase();
    await copySqliteToPg(file, { url });
    const { pool } = openPool({ url });
    await pool.query(`UPDATE games SET score = score + 1 WHERE id = (SELECT min(id) FROM games)`);
    await pool.query(`DELETE FROM name_codes`);
    const { rows } = await pool.query<{ id: string }>('SELECT min(id) AS id FROM games');
    await pool.end();
    const report = await copySqliteToPg(file, { url });
    expect(report.ok).toBe(false);
    expect(report.tables[0]).toMatchObject({
      inserted: 0,
      alreadyThere: 1202,
      differing: [rows[0]!.id],
    });
    // A missing row is simply copied again.
    expect(report.tables[2]).toMatchObject({ inserted: 1, differing: [] });
  });
});

describe('parseCopyArgs', () => {
  it('takes --from sqlite:PATH and, optionally, --to a postgres URL, and names what is wrong', () => {
    expect(parseCopyArgs(['--from', 'sqlite:/data/t.db', '--to', 'postgresql://u:p@h/db'])).toEqual(
      {
        from: '/data/t.db',
        to: 'postgresql://u:p@h/db',
      },
    );
    expect(parseCopyArgs(['--from', 'sqlite:/data/t.db'])).toEqual({
      from: '/data/t.db',
      to: undefined,
    });
    expect(() => parseCopyArgs(['--to', 'postgres://u:p@h/db'])).toThrow(/^--from is missing/);
    expect(() => parseCopyArgs(['--from', 'sqlite:x', '--to', 'mysql://u:secret@h/db'])).toThrow(
      /^--to expected postgres:\/\/\.\.\.; usage/,
    );
    expect(() =>
      parseCopyArgs(['--from', 'sqlite:x', '--to', 'mysql://u:secret@h/db']),
    ).not.toThrow(/secret/);
    expect(() => parseCopyArgs(['--from', 'sqlite:x', '--bogus'])).toThrow(/bogus/);
  });
});
