import { describe, expect, it } from 'vitest';
import { storeBackends } from './testing/store-backends.ts';

describe.each(storeBackends())('gameInfo on $name', (backend) => {
  const openStore = async () =>
    (await backend.fresh()).open({ now: () => new Date(Date.UTC(2026, 11, 1, 8, 30)) });

  it("reads one stored game's facts by id, without its replay", async () => {
    const store = await openStore();
    const replayJson = JSON.stringify({
      version: 1,
      seed: '8988',
      startLevel: 18,
      inputs: [[9, 0]],
    });
    const facts = {
      mode: 'duo',
      name: 'ann',
      score: 12_345,
      lines: 31,
      level: 21,
      startLevel: 18,
      frames: 9876,
      engineVersion: 1,
    } as const;
    const { id } = await store.saveGame({ ...facts, seed: 0x8988, replayJson });
    // The same facts come back, without the seed and the replay.
    expect(await store.gameInfo(id)).toEqual({
      id,
      ...facts,
      at: new Date(Date.UTC(2026, 11, 1, 8, 30)),
      // Nine frames of this replay: its first piece, nothing cleared.
      stats: expect.objectContaining({ totalPieces: 1, lines: 0, tetrisRate: null }),
    });
  });

  it('is undefined for an unknown id', async () => {
    const store = await openStore();
    expect(await store.gameInfo('abcdefghijkm')).toBeUndefined();
  });
});
