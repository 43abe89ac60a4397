import { playGame, WEIGHTS } from '@tengen/bot';
import { runReplay } from '@tengen/engine';
import { COPY_MIN_SHARED_PIECES, COPY_WINDOW_PIECES } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { replayFrames, withFrames } from '../testing/replay-frames.ts';
import { botGame } from '../testing/styled-player.ts';
import { isCopy, placements, sharedPlacements } from './copy-check.ts';

const victim = playGame({ seed: 0x8988, startLevel: 9, maxFrames: 12_000 }).replay;
const victimPlacements = placements(victim);

describe('placements', () => {
  it('lists one placement per locked piece, as many as the replay locked', () => {
    const summary = runReplay(victim);
    // Every piece that entered the well locked, except one still falling when the replay ended.
    expect(victimPlacements.length).toBeGreaterThanOrEqual(summary.pieces.length - 1);
    expect(victimPlacements.length).toBeLessThanOrEqual(summary.pieces.length);
    expect(new Set(victimPlacements).size).toBeGreaterThan(10);
  });
});

describe('the copy rule', () => {
  it('flags an identical replay and one with a delay inserted mid-game', () => {
    expect(isCopy(placements(victim), victimPlacements)).toBe(true);
    const f = replayFrames(victim.inputs);
    const mid = Math.floor(f.length / 2);
    const delayed = withFrames(victim, [
      ...f.slice(0, mid),
      ...Array<number>(30).fill(0),
      ...f.slice(mid),
    ]);
    expect(sharedPlacements(placements(delayed), victimPlacements)).toBe(COPY_WINDOW_PIECES);
  });

  it('flags a copy with a few frames changed late in the game', () => {
    const f = replayFrames(victim.inputs);
    for (const at of [0.85, 0.9, 0.95]) {
      const i = Math.floor(f.length * at);
      f[i] = f[i]! ^ 3;
    }
    expect(isCopy(placements(withFrames(victim, f)), victimPlacements)).toBe(true);
  });

  it('counts shared placements over a sliding window of aligned pieces', () => {
    const a = Int32Array.from({ length: 100 }, (_, i) => i);
    const b = Int32Array.from(a, (x, i) => (i % 4 === 0 ? -1 : x));
    expect(sharedPlacements(a, b, 40)).toBe(30);
    expect(sharedPlacements(a, a.slice(0, 10), 40)).toBe(10);
    expect(
      sharedPlacements(
        a,
        Int32Array.from(a, (x) => x + 1),
        40,
      ),
    ).toBe(0);
  });

  it('does not flag another player on the same seed and level (measured: bench/copy-rule.ts)', () => {
    // Other people: the bot's heuristic with judgement noise (different streams, different noise).
    for (const [noise, rand] of [
      [0.1, 7],
      [0.1, 8],
      [0.3, 9],
    ] as const) {
      const other = botGame(
        0x8988,
        9,
        { weights: WEIGHTS, softDrop: true, maxDelay: 8, noise, rand },
        12_000,
      );
      expect(placements(other).length).toBeGreaterThan(COPY_WINDOW_PIECES);
      expect(sharedPlacements(placements(other), victimPlacements)).toBeLessThan(
        COPY_MIN_SHARED_PIECES,
      );
    }
  });
});
