import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { PERIOD_AGGREGATE_MAX } from './board-reader.ts';
import type { NewGame } from './score-store.ts';
import { SqliteScoreStore } from './sqlite-score-store.ts';
import { storeBackends } from './testing/store-backends.ts';
import { tempStores } from './testing/temp-stores.ts';

const temp = tempStores('scores-board-');

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 30, 12); // a Monday, noon UTC

function openStore() {
  const file = temp.file();
  const store = temp.keep(SqliteScoreStore.open(file));
  return { store, file };
}

function game(name: string, score: number, at: number, extra: Partial<NewGame> = {}): NewGame {
  return {
    mode: 'solo',
    name,
    score,
    lines: 1,
    level: 1,
    startLevel: 0,
    frames: 100,
    seed: 1,
    replayJson: '{}',
    engineVersion: 1,
    createdAt: new Date(at),
    ...extra,
  };
}

describe.each(storeBackends())('boards on $name', (backend) => {
  const openStore = async () => {
    const db = await backend.fresh();
    return { store: await db.open(), db };
  };

  it('ranks each name by its best game inside the period and start level only', async () => {
    const { store } = await openStore();
    await store.saveGame(game('ann', 9000, T0 - 10 * DAY)); // old: all time only
    await store.saveGame(game('ann', 300, T0 - 1000));
    await store.saveGame(game('bob', 500, T0 - 2000));
    await store.saveGame(game('bob', 800, T0 - 2 * DAY, { startLevel: 18 }));
    await store.saveGame(game('cy', 700, T0 - 3000, { startLevel: 19 }));
    await store.saveGame(game('dee', 5000, T0 - 500, { mode: 'duo', startLevel: 18 }));
    const names = (f: Parameters<typeof store.topScores>[2], mode: 'solo' | 'duo' = 'solo') =>
      store.topScores(mode, 10, f).then((r) => r.map((e) => [e.rank, e.name, e.score]));

    expect(await names({})).toEqual([
      [1, 'ann', 9000],
      [2, 'bob', 800],
      [3, 'cy', 700],
    ]);
    expect(await names({ since: new Date(T0 - DAY) })).toEqual([
      [1, 'cy', 700],
      [2, 'bob', 500],
      [3, 'ann', 300],
    ]);
    expect(await names({ startLevel: 18 })).toEqual([[1, 'bob', 800]]);
    expect(await names({ startLevel: 18, since: new Date(T0 - DAY) })).toEqual([]);
    expect(await names({ startLevel: 19, since: new Date(T0 - DAY) })).toEqual([[1, 'cy', 700]]);
    expect(await names({ startLevel: 18 }, 'duo')).toEqual([[1, 'dee', 5000]]);
  });

  it('breaks ties to the earlier game in both query paths and honours the limit', async () => {
    const { store } = await openStore();
    await store.saveGame(game('late', 100, T0 - 10));
    await store.saveGame(game('early', 100, T0 - 20));
    await store.saveGame(game('third', 50, T0 - 30));
    const since = new Date(T0 - DAY);
    expect((await store.topScores('solo', 2, { since })).map((e) => e.name)).toEqual([
      'early',
      'late',
    ]);
    expect((await store.topScores('solo', 2)).map((e) => e.name)).toEqual(['early', 'late']);
  });

  it('walks the score index when a period holds more games than it ranks at once', async () => {
    const { store, db } = await openStore();
    await db.insertGames(
      Array.from({ length: PERIOD_AGGREGATE_MAX + 1 }, (_, i) => ({
        id: `g${i}`,
        mode: 'solo' as const,
        name: `p${i % 500}`,
        score: i,
        lines: 0,
        level: 0,
        startLevel: 0,
        frames: 0,
        seed: 1,
        replay: '{}',
        engineVersion: 1,
        createdAt: new Date(T0 - (i % 1000)),
      })),
    );
    const top = await store.topScores('solo', 3, { since: new Date(T0 - DAY) });
    expect(top.map((e) => [e.name, e.score])).toEqual([
      [`p${PERIOD_AGGREGATE_MAX % 500}`, PERIOD_AGGREGATE_MAX],
      [`p${(PERIOD_AGGREGATE_MAX - 1) % 500}`, PERIOD_AGGREGATE_MAX - 1],
      [`p${(PERIOD_AGGREGATE_MAX - 2) % 500}`, PERIOD_AGGREGATE_MAX - 2],
    ]);
  });
});

describe('SQLite board plans', () => {
  it('reads boards and player pages through their indexes, never sorting the whole table', () => {
    const { file } = openStore();
    const db = openDatabase(file);
    const plan = (q: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan(
        'SELECT id FROM games INDEXED BY games_board_start_idx WHERE mode = 1 AND start_level = 18 ORDER BY score DESC, created_at ASC LIMIT 5',
      ),
    ).toMatch(/USING INDEX games_board_start_idx/);
    expect(
      plan(
        'SELECT count(*) FROM games INDEXED BY games_period_idx WHERE mode = 1 AND created_at >= 5',
      ),
    ).toMatch(/USING COVERING INDEX games_period_idx/);
    expect(
      plan(
        'SELECT id FROM games INDEXED BY games_player_recent_idx WHERE name = 1 ORDER BY created_at DESC LIMIT 5',
      ),
    ).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});

describe.each(storeBackends())('player pages on $name', (backend) => {
  it('lists the best game per mode and start level and the most recent games', async () => {
    const store = await (await backend.fresh()).open();
    await store.saveGame(game('ann', 100, T0 - 50));
    const best0 = await store.saveGame(game('ann', 900, T0 - 40));
    await store.saveGame(game('ann', 400, T0 - 30, { startLevel: 18 }));
    await store.saveGame(game('ann', 700, T0 - 20, { mode: 'duo' }));
    await store.saveGame(game('Ann', 99_999, T0 - 10)); // another spelling: another page
    await store.saveGame(game('bob', 5000, T0 - 5));
    const page = await store.playerGames('ann', 3);
    expect(page.best.map((e) => [e.mode, e.startLevel, e.score])).toEqual([
      ['solo', 0, 900],
      ['solo', 18, 400],
      ['duo', 0, 700],
    ]);
    expect(page.best[0]?.replayId).toBe(best0.id);
    expect(page.recent.map((e) => e.score)).toEqual([700, 400, 900]);
    expect(await store.playerGames('nobody', 5)).toEqual({ best: [], recent: [] });
  });
});
