import { describe, expect, it, vi } from 'vitest';
import { Button, runReplay, type Replay } from '@tengen/engine';
import { playGame } from '@tengen/bot';
import { ReplayCursor } from './replay-cursor.ts';
import { replayDriver } from './replay-driver.ts';

describe('ReplayCursor', () => {
  it('expands runs frame by frame', () => {
    const c = new ReplayCursor({
      inputs: [
        [2, 1],
        [1, 4],
      ],
    });
    expect([c.next(), c.next(), c.done, c.next(), c.done, c.next()]).toEqual([
      1,
      1,
      false,
      4,
      true,
      0,
    ]);
  });
});

describe('replayDriver', () => {
  it('reproduces a topped-out game exactly and reports its end', () => {
    const replay: Replay = {
      version: 1,
      seed: '1234',
      startLevel: 19,
      inputs: [[5000, Button.Down]],
    };
    const expected = runReplay(replay);
    const over = vi.fn();
    const d = replayDriver(replay, { onGameOver: over });
    for (let i = 0; i < 6000 && over.mock.calls.length === 0; i++) d.stepOne();
    expect(d.sim.game.score).toBe(expected.score);
    expect(d.sim.game.frame).toBe(expected.frames);
    expect(over).toHaveBeenCalledTimes(1);
    expect(d.kind).toBe('replay');
  });

  it('stops where the inputs end when the game did not top out', () => {
    const replay: Replay = {
      version: 1,
      seed: '8988',
      startLevel: 0,
      inputs: [
        [30, 0],
        [10, Button.Left],
      ],
    };
    const over = vi.fn();
    const d = replayDriver(replay, { onGameOver: over });
    for (let i = 0; i < 100; i++) d.stepOne();
    expect(d.sim.game.frame).toBe(40);
    expect(d.sim.game.topOut).toBe(false);
    expect(over).toHaveBeenCalledTimes(1);
  });

  it('plays a bot game to the same score', () => {
    const { replay, summary } = playGame({ seed: 0x2222, startLevel: 9, maxFrames: 3000 });
    const d = replayDriver(replay, {});
    for (let i = 0; i < 4000; i++) d.stepOne();
    expect(summary.score).toBeGreaterThan(0);
    expect(d.sim.game.score).toBe(summary.score);
    expect(d.sim.game.lines).toBe(summary.lines);
  });

  it.each([1, 2] as const)(
    'plays a version-%i game holding Down+Left+Right under its own rules',
    (version) => {
      // Version 2 loses the frame after each Down+Left+Right frame; version 1 does not.
      const { replay, summary } = playGame({
        seed: 0x3333,
        startLevel: 18,
        maxFrames: 4000,
        version,
        downLeftRight: { every: 61, length: 4 },
      });
      expect(replay.version).toBe(version);
      const d = replayDriver(replay, {});
      for (let i = 0; i < 5000; i++) d.stepOne();
      expect(d.sim.game.version).toBe(version);
      expect([d.sim.game.score, d.sim.game.lines, d.sim.game.frame]).toEqual([
        summary.score,
        summary.lines,
        summary.frames,
      ]);
      expect(runReplay({ ...replay, version: version === 1 ? 2 : 1 })).not.toEqual(summary);
    },
  );
});
