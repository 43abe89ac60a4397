import { Button, Game, ReplayRecorder, replayStats, type Replay } from '@tengen/engine';
import { FRAMES_PER_SECOND } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import type { NewGame } from './score-store.ts';
import { SqliteScoreStore } from './sqlite-score-store.ts';
import { statsColumnOf, tallyOfColumn } from './stored-stats.ts';
import { tempStores } from './testing/temp-stores.ts';

const temp = tempStores('scores-stats-');

/** A real game played to its top-out by a simple pattern, with its replay. */
function playedGame(seed: number, startLevel: number): { replay: Replay; game: Game } {
  const game = new Game({ seed, startLevel, version: 2 });
  const rec = new ReplayRecorder(seed, startLevel, 2);
  for (let f = 0; !game.topOut; f++) {
    const b = f % 7 === 0 ? Button.Left : f % 11 === 0 ? Button.A : Button.Down;
    rec.push(b);
    game.step(b);
  }
  return { replay: rec.toReplay(), game };
}

function newGame(name: string, seed: number, startLevel: number): NewGame {
  const { replay, game } = playedGame(seed, startLevel);
  return {
    mode: 'solo',
    name,
    score: game.score,
    lines: game.lines,
    level: game.level,
    startLevel,
    frames: game.frame,
    seed,
    replayJson: JSON.stringify(replay),
    engineVersion: 2,
  };
}

const statsOfNew = (g: NewGame) =>
  replayStats(JSON.parse(g.replayJson) as Replay, FRAMES_PER_SECOND);

describe('game statistics in the store', () => {
  it('stores the engine tally at save and shows it on the game and the player page', async () => {
    const store = temp.keep(SqliteScoreStore.open(temp.file()));
    const g = newGame('ann', 0x2222, 9);
    const { id } = await store.saveGame(g);
    const want = statsOfNew(g);
    expect(want.totalPieces).toBeGreaterThan(10);
    expect((await store.gameInfo(id))?.stats).toEqual(want);
    const page = await store.playerGames('ann', 20);
    expect(page.best.map((e) => e.stats)).toEqual([want]);
    expect(page.recent.map((e) => e.stats)).toEqual([want]);
  });

  it('re-runs the replay of a game stored before the stats column, or with a damaged one', async () => {
    const file = temp.file();
    const store = temp.keep(SqliteScoreStore.open(file));
    const old = newGame('bob', 0x1234, 5);
    const bad = newGame('bob', 0x4321, 6);
    const a = await store.saveGame(old);
    const b = await store.saveGame(bad);
    const raw = openDatabase(file);
    raw.prepare('UPDATE games SET stats = NULL WHERE id = ?').run(a.id);
    raw.prepare(`UPDATE games SET stats = '{"pieces":[1]}' WHERE id = ?`).run(b.id);
    raw.close();
    expect((await store.gameInfo(a.id))?.stats).toEqual(statsOfNew(old));
    expect((await store.gameInfo(b.id))?.stats).toEqual(statsOfNew(bad));
    const page = await store.playerGames('bob', 20);
    expect(new Set(page.recent.map((e) => e.stats))).toEqual(
      new Set([statsOfNew(old), statsOfNew(bad)]),
    );
  });

  it('has no statistics for a replay the engine cannot run (tools and tests only)', async () => {
    const store = temp.keep(SqliteScoreStore.open(temp.file()));
    const { id } = await store.saveGame({ ...newGame('cy', 0x0101, 0), replayJson: '{}' });
    expect((await store.gameInfo(id))?.stats).toBeNull();
    expect((await store.playerGames('cy', 20)).recent[0]?.stats).toBeNull();
  });
});

describe('the stats column text', () => {
  it('round-trips the tally and refuses anything that is not one', () => {
    const g = newGame('dee', 0x2222, 9);
    const text = statsColumnOf(g.replayJson);
    expect(text).not.toBeNull();
    expect(tallyOfColumn(text)?.pieces.reduce((x, y) => x + y)).toBe(statsOfNew(g).totalPieces);
    for (const bad of [
      'not json',
      'null',
      '{"pieces":[0,0,0,0,0,0,0],"clears":[0,0,0],"drought":0,"longestDrought":0}',
      '{"pieces":[0,0,0,0,0,0,-1],"clears":[0,0,0,0],"drought":0,"longestDrought":0}',
      '{"pieces":[0,0,0,0,0,0,0],"clears":[0,0,0,0],"drought":1.5,"longestDrought":0}',
    ])
      expect(tallyOfColumn(bad)).toBeUndefined();
    expect(statsColumnOf('{"version":9,"seed":"0001","startLevel":0,"inputs":[]}')).toBeNull();
  });
});
