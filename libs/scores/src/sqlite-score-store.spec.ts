import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import type { NewGame } from './score-store.ts';
import { SqliteScoreStore } from './sqlite-score-store.ts';
import {
  storeBackends,
  type TestDatabase,
  type TestStoreOptions,
} from './testing/store-backends.ts';
import { tempStores } from './testing/temp-stores.ts';

const temp = tempStores('scores-store-');
// In a folder that does not exist yet: the store creates it.
const tempFile = () => temp.file('data/scores.db');

/** A clock that advances one second per saved game, so "earlier" is well defined. */
function ticking(): TestStoreOptions {
  let t = Date.UTC(2026, 10, 1);
  return { now: () => new Date((t += 1000)) };
}

/** A SQLite store with a ticking clock (the SQLite-only specs: locks, query plans). */
function openStore(file = tempFile(), retry = {}) {
  return temp.keep(SqliteScoreStore.open(file, { ...ticking(), retry }));
}

function game(name: string, score: number, mode: NewGame['mode'] = 'solo'): NewGame {
  return {
    mode,
    name,
    score,
    lines: Math.floor(score / 100),
    level: 3,
    startLevel: 2,
    frames: 1234,
    seed: 0x8988,
    replayJson: JSON.stringify({ version: 1, seed: '8988', startLevel: 2, inputs: [[1234, 0]] }),
    engineVersion: 1,
  };
}

describe.each(storeBackends())('score store on $name', (backend) => {
  let db: TestDatabase;
  const open = async () => {
    db = await backend.fresh();
    return db.open(ticking());
  };

  it('keeps the best game per name, highest first, ties to the earlier game', async () => {
    const store = await open();
    await store.saveGame(game('ann', 500));
    const bob1 = await store.saveGame(game('bob', 900));
    await store.saveGame(game('ann', 1200));
    await store.saveGame(game('cy', 900));
    await store.saveGame(game('bob', 700));
    await store.saveGame(game('dee', 10_000, 'duo'));

    const top = await store.topScores('solo', 10);
    expect(top.map((e) => [e.rank, e.name, e.score])).toEqual([
      [1, 'ann', 1200],
      [2, 'bob', 900],
      [3, 'cy', 900],
    ]);
    expect(top[1]?.replayId).toBe(bob1.id);
    expect(top[0]?.at).toBeInstanceOf(Date);
    expect(top[0]?.at.getTime()).toBe(Date.UTC(2026, 10, 1) + 3000);
    expect(await store.topScores('solo', 2)).toHaveLength(2);
    expect((await store.topScores('duo', 10)).map((e) => e.name)).toEqual(['dee']);
  });

  it('reports the rank a new game takes among the other names', async () => {
    const store = await open();
    expect((await store.saveGame(game('ann', 500))).rank).toBe(1);
    expect((await store.saveGame(game('bob', 800))).rank).toBe(1);
    expect((await store.saveGame(game('cy', 500))).rank).toBe(3); // tie: ann was earlier
    expect((await store.saveGame(game('ann', 100))).rank).toBe(3); // its own better game does not count
  });

  it('returns the stored replay text, undefined for an unknown id', async () => {
    const store = await open();
    const g = game('ann', 40);
    const { id } = await store.saveGame(g);
    expect(await store.getReplay(id)).toBe(g.replayJson);
    expect(await store.getReplay('nope')).toBeUndefined();
  });

  it('shares one database between two stores (replicas)', async () => {
    const a = await open();
    const b = await db.open(ticking());
    await a.saveGame(game('ann', 10));
    await b.saveGame(game('bob', 20));
    expect((await a.topScores('solo', 10)).map((e) => e.name)).toEqual(['bob', 'ann']);
  });

  it('stores a game saved with one id by two replicas at the same moment once', async () => {
    const a = await open();
    const b = await db.open(ticking());
    const saves = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? a : b).saveGame({ ...game('ann', 700), id: 'sameid234567' }),
      ),
    );
    expect(new Set(saves.map((s) => s.id))).toEqual(new Set(['sameid234567']));
    expect(saves.every((s) => s.rank === 1)).toBe(true);
    expect((await a.playerGames('ann', 10)).recent).toHaveLength(1);
  });

  it('pages through a name with many games to find the other names', async () => {
    const store = await open();
    for (let i = 0; i < 150; i++) await store.saveGame(game('ann', 1000 + i));
    await store.saveGame(game('bob', 500));
    await store.saveGame(game('cy', 400));
    expect((await store.topScores('solo', 3)).map((e) => [e.name, e.score])).toEqual([
      ['ann', 1149],
      ['bob', 500],
      ['cy', 400],
    ]);
  });

  it('lists the best stored games of one seed and start level, any mode', async () => {
    const store = await open();
    await store.saveGame(game('ann', 500));
    await store.saveGame(game('bob', 900, 'duo'));
    await store.saveGame({ ...game('cy', 2000), seed: 0x1234 });
    await store.saveGame({ ...game('dee', 3000), startLevel: 9 });
    await store.saveGame(game('eve', 700));
    const found = await store.replaysOf(0x8988, 2, 2);
    expect(found.map((r) => r.name)).toEqual(['bob', 'eve']);
    expect(found[0]?.replayJson).toBe(game('bob', 900).replayJson);
    expect((await store.replaysOf(0x8988, 2, 10)).map((r) => r.name)).toEqual([
      'bob',
      'eve',
      'ann',
    ]);
    expect(await store.replaysOf(0x4444, 2, 10)).toEqual([]);
  });

  it('rejects calls after close', async () => {
    const store = await open();
    store.close();
    expect(store.isReady()).toBe(false);
    await expect(store.topScores('solo', 1)).rejects.toThrow(/closed/);
  });
});

describe('SqliteScoreStore', () => {
  it('retries a busy lock with backoff and then succeeds', async () => {
    const file = tempFile();
    const store = openStore(file);
    const other = openDatabase(file);
    other.exec('BEGIN EXCLUSIVE');
    setTimeout(() => other.exec('COMMIT'), 300);
    const saved = await store.saveGame(game('ann', 10));
    expect(saved.rank).toBe(1);
    other.close();
  });

  it('surfaces a lock that never clears instead of swallowing it', async () => {
    const file = tempFile();
    const store = openStore(file, { attempts: 3, baseDelayMs: 5 });
    const other = openDatabase(file);
    other.exec('BEGIN EXCLUSIVE');
    await expect(store.saveGame(game('ann', 10))).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    other.close();
    expect(await store.topScores('solo', 10)).toEqual([]);
  });

  it('reads one seed and start level through the seed index, never sorting', () => {
    const file = tempFile();
    openStore(file);
    const db = openDatabase(file);
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM games WHERE seed = 1 AND start_level = 2 ORDER BY score DESC LIMIT 5',
      )
      .all() as { detail: string }[];
    db.close();
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/USING INDEX games_seed_idx/);
    expect(plan.map((r) => r.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});
