import { BUTTON_MASK, Game, GameEvent, runReplay } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { Bot } from './bot.ts';
import { playGame } from './play-game.ts';

describe('Bot', () => {
  it('emits only the five button bits and re-presses by releasing first', () => {
    const game = new Game({ seed: 0x8988, startLevel: 5 });
    const bot = new Bot();
    let prev = 0;
    let rotations = 0;
    for (let f = 0; f < 3000 && !game.topOut; f++) {
      const b = bot.next(game);
      expect(b & ~BUTTON_MASK).toBe(0);
      // A/B never stay held across two frames: every press is a new press.
      expect(b & prev & 0x18).toBe(0);
      if ((game.step(b) & GameEvent.Rotate) !== 0) rotations++;
      prev = b;
    }
    expect(rotations).toBeGreaterThan(10);
  });

  it('is deterministic: same seed and level, same replay', () => {
    const a = playGame({ seed: 0x2468, startLevel: 12, maxFrames: 4000 });
    const b = playGame({ seed: 0x2468, startLevel: 12, maxFrames: 4000 });
    expect(b.replay).toEqual(a.replay);
    expect(b.summary).toEqual(a.summary);
  });

  it('clears lines at level 0 and its replay re-runs to the same summary', () => {
    const { replay, summary } = playGame({ seed: 0x8988, startLevel: 0, maxFrames: 6000 });
    expect(summary.lines).toBeGreaterThan(10);
    expect(summary.topOut).toBe(false);
    expect(runReplay(replay)).toEqual(summary);
  });

  it.each([19, 29])('survives and scores at level %i, where pieces fall fast', (level) => {
    const { summary } = playGame({ seed: 0x1357, startLevel: level, maxFrames: 20_000 });
    expect(summary.lines).toBeGreaterThanOrEqual(level === 19 ? 20 : 8);
  });

  it('without soft drop it only rotates and shifts', () => {
    const { replay } = playGame({ seed: 0x8988, startLevel: 0, maxFrames: 3000, softDrop: false });
    expect(replay.inputs.every(([, b]) => (b & 4) === 0)).toBe(true);
  });
});
