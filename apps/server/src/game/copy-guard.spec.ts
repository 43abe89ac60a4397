import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playGame } from '@tengen/bot';
import { ENGINE_VERSION, type Replay } from '@tengen/engine';
import { COPY_MAX_CANDIDATES, type GameMode } from '@tengen/protocol';
import { SqliteScoreStore } from '@tengen/scores';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CopyGuard } from './copy-guard.ts';

let dir: string;
let store: SqliteScoreStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'copy-guard-'));
  store = SqliteScoreStore.open(join(dir, 'db.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const victim = playGame({ seed: 0x5a5a, startLevel: 9, maxFrames: 4000 }).replay;

function save(name: string, replay: Replay, score: number, mode: GameMode = 'solo') {
  return store.saveGame({
    mode,
    name,
    score,
    lines: 0,
    level: replay.startLevel,
    startLevel: replay.startLevel,
    frames: 0,
    seed: parseInt(replay.seed, 16),
    replayJson: JSON.stringify(replay),
    engineVersion: ENGINE_VERSION,
  });
}

describe('CopyGuard', () => {
  it('finds the stored game a replay copies, under another name only, in any mode', async () => {
    const { id } = await save('victim', victim, 5000, 'duo');
    const guard = new CopyGuard(store);
    expect(await guard.find('thief', victim)).toBe(id);
    expect(await guard.find('thief', victim)).toBe(id); // again, from the cache
    expect(await guard.find('victim', victim)).toBeNull();
  });

  it('compares only games of the same seed and start level', async () => {
    await save('victim', { ...victim, startLevel: 10 }, 5000);
    await save('other', { ...victim, seed: '5a5b' }, 5000);
    expect(await new CopyGuard(store).find('thief', victim)).toBeNull();
  });

  it(`compares the best ${COPY_MAX_CANDIDATES} stored games of the seed, best first`, async () => {
    const filler = playGame({ seed: 0x5a5a, startLevel: 9, maxFrames: 600 }).replay;
    await save('victim', victim, 100);
    for (let i = 0; i < COPY_MAX_CANDIDATES; i++) await save(`f${i}`, filler, 1000 + i);
    // The victim ranks below the cap on its seed: out of reach (a thief gains little copying it).
    expect(await new CopyGuard(store).find('thief', victim)).toBeNull();
    const best = await save('best', victim, 99_999);
    expect(await new CopyGuard(store).find('thief', victim)).toBe(best.id);
  });
});
