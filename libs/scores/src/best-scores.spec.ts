import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { migrateDatabase, MIGRATIONS_FOLDER } from './migrate.ts';
import { openPool } from './pg/pg-database.ts';
import { migratePg, PG_MIGRATIONS_FOLDER } from './pg/pg-migrate.ts';
import { testGame } from './testing/games.ts';
import { firstMigrations, migrationCount, migrationsBefore } from './testing/migrations.ts';
import { storeBackends } from './testing/store-backends.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const INSERT = `INSERT INTO games (id, mode, name, score, lines, level, start_level, frames, seed,
  replay, engine_version, created_at) VALUES ($1, $2, $3, $4, 0, 0, 0, 0, 1, '{}', 1, $5)`;
// An older release's games: ann's best solo is g2 (tie on score: the earlier one), bob has one of
// each mode.
const OLD_GAMES: [string, string, string, number, number][] = [
  ['g1', 'solo', 'ann', 500, 1000],
  ['g2', 'solo', 'ann', 900, 2000],
  ['g3', 'solo', 'ann', 900, 3000],
  ['g4', 'solo', 'bob', 700, 1500],
  ['g5', 'duo', 'bob', 100, 1600],
];
const EXPECTED = [
  ['duo', 'bob', 'g5', 100],
  ['solo', 'ann', 'g2', 900],
  ['solo', 'bob', 'g4', 700],
];
const BEST = 'SELECT mode, name, game_id, score FROM best_scores ORDER BY mode, name';

describe('best_scores migration (backfill from the games an older release stored)', () => {
  it('SQLite', () => {
    const db = openDatabase(':memory:');
    const n = migrationCount(MIGRATIONS_FOLDER);
    const before = migrationsBefore(MIGRATIONS_FOLDER, '_best_scores');
    migrateDatabase(db, { migrationsFolder: firstMigrations(MIGRATIONS_FOLDER, before, dirs) });
    const insert = db.prepare(INSERT.replace(/\$\d/g, '?'));
    for (const g of OLD_GAMES) insert.run(...g);
    expect(migrateDatabase(db)).toEqual({ applied: n - before, total: n });
    expect(db.prepare(BEST).raw().all()).toEqual(EXPECTED);
    db.close();
  });

  it('PostgreSQL', async () => {
    const [, pgBackend] = storeBackends();
    const { location: url } = await pgBackend!.fresh(); // migrated: a fresh one is made below
    const { pool } = openPool({ url });
    try {
      await pool.query('DROP TABLE games, name_claims, name_codes, best_scores');
      await pool.query('DROP SCHEMA drizzle CASCADE');
      const n = migrationCount(PG_MIGRATIONS_FOLDER);
      const before = migrationsBefore(PG_MIGRATIONS_FOLDER, '_best_scores');
      await migratePg(pool, {
        migrationsFolder: firstMigrations(PG_MIGRATIONS_FOLDER, before, dirs),
      });
      for (const g of OLD_GAMES) await pool.query(INSERT, g);
      expect(await migratePg(pool)).toEqual({ applied: n - before, total: n });
      expect((await pool.query({ text: BEST, rowMode: 'array' })).rows).toEqual(EXPECTED);
    } finally {
      await pool.end();
    }
  });
});

describe.each(storeBackends())('best_scores kept by saves on $name', (backend) => {
  it('follows each save: a better game replaces the best, a worse or repeated one does not', async () => {
    const db = await backend.fresh();
    const store = await db.open({ now: () => new Date(Date.UTC(2026, 10, 1)) });
    await store.saveGame(testGame('ann', 500, { id: 'a500' }));
    await store.saveGame(testGame('bob', 600, { id: 'b600' }));
    expect((await store.saveGame(testGame('ann', 300, { id: 'a300' }))).rank).toBe(2);
    expect((await store.saveGame(testGame('ann', 800, { id: 'a800' }))).rank).toBe(1);
    // The same id again: nothing changes.
    expect((await store.saveGame(testGame('ann', 800, { id: 'a800' }))).rank).toBe(1);
    // bob now trails ann's best (800), not her first game (500).
    expect((await store.saveGame(testGame('cy', 700, { id: 'c700' }))).rank).toBe(2);
    expect((await store.saveGame(testGame('bob', 550, { id: 'b550' }))).rank).toBe(3);
    // Equal scores at the same instant: the lower id is ahead (both dialects).
    expect((await store.saveGame(testGame('dee', 700, { id: 'c699' }))).rank).toBe(2);
    expect((await store.saveGame(testGame('eve', 700, { id: 'c701' }))).rank).toBe(4);
  });
});
