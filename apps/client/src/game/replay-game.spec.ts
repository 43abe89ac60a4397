import { describe, expect, it } from 'vitest';
import { runReplay } from '@tengen/engine';
import { playGame } from '@tengen/bot';
import { ReplayTimeline } from '../theater/replay-timeline.ts';

describe('gameForReplay', () => {
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
      const { result } = new ReplayTimeline(replay);
      expect([result.score, result.lines, result.frames]).toEqual([
        summary.score,
        summary.lines,
        summary.frames,
      ]);
      expect(runReplay({ ...replay, version: version === 1 ? 2 : 1 })).not.toEqual(summary);
    },
  );
});
