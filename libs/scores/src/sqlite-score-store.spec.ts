import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import type { NewGame } from './score-store.ts';
import { SqliteScoreStore } from './sqlite-score-store.ts';

const dirs: string[] = [];
const stores: SqliteScoreStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'scores-store-'));
  dirs.push(d);
  return join(d, 'data', 'scores.db');
}

/** A store whose clock advances one second per saved game, so "earlier" is well defined. */
function openStore(file = tempFile(), retry = {}) {
  let t = Date.UTC(2026, 10, 1);
  const store = SqliteScoreStore.open(file, { now: () => new Date((t += 1000)), retry });
  stores.push(store);
  return store;
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

describe('SqliteScoreStore', () => {
  it('keeps the best game per name, highest first, ties to the earlier game', async () => {
    const store = openStore();
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
    expect(await store.topScores('solo', 2)).toHaveLength(2);
    expect((await store.topScores('duo', 10)).map((e) => e.name)).toEqual(['dee']);
  });

  it('reports the rank a new game takes among the other names', async () => {
    const store = openStore();
    expect((await store.saveGame(game('ann', 500))).rank).toBe(1);
    expect((await store.saveGame(game('bob', 800))).rank).toBe(1);
    expect((await store.saveGame(game('cy', 500))).rank).toBe(3); // tie: ann was earlier
    expect((await store.saveGame(game('ann', 100))).rank).toBe(3); // its own better game does not count
  });

  it('returns the stored replay text, undefined for an unknown id', async () => {
    const store = openStore();
    const g = game('ann', 40);
    const { id } = await store.saveGame(g);
    expect(await store.getReplay(id)).toBe(g.replayJson);
    expect(await store.getReplay('nope')).toBeUndefined();
  });

  it('shares one file between two stores (replicas)', async () => {
    const file = tempFile();
    const a = openStore(file);
    const b = openStore(file);
    await a.saveGame(game('ann', 10));
    await b.saveGame(game('bob', 20));
    expect((await a.topScores('solo', 10)).map((e) => e.name)).toEqual(['bob', 'ann']);
  });

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

  it('pages through a name with many games to find the other names', async () => {
    const store = openStore();
    for (let i = 0; i < 150; i++) await store.saveGame(game('ann', 1000 + i));
    await store.saveGame(game('bob', 500));
    await store.saveGame(game('cy', 400));
    expect((await store.topScores('solo', 3)).map((e) => [e.name, e.score])).toEqual([
      ['ann', 1149],
      ['bob', 500],
      ['cy', 400],
    ]);
  });

  it('lists the best stored games of one seed and start level, any mode, through the seed index', async () => {
    const store = openStore();
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

  it('rejects calls after close', async () => {
    const store = openStore();
    store.close();
    expect(store.isReady()).toBe(false);
    await expect(store.topScores('solo', 1)).rejects.toThrow(/closed/);
  });
});
