import type { Replay } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { replayFrames, withFrames } from './replay-frames.ts';

const replay: Replay = {
  version: 2,
  seed: '8988',
  startLevel: 9,
  inputs: [
    [3, 0],
    [2, 4],
    [1, 0],
  ],
};

describe('replay frames', () => {
  it('expands the run-length inputs to one mask per frame', () => {
    expect(replayFrames(replay.inputs)).toEqual([0, 0, 0, 4, 4, 0]);
  });

  it('encodes frames back into runs, keeping the rest of the replay', () => {
    expect(withFrames(replay, replayFrames(replay.inputs))).toEqual(replay);
    expect(withFrames(replay, [1, 1, 2, 1])).toEqual({
      ...replay,
      inputs: [
        [2, 1],
        [1, 2],
        [1, 1],
      ],
    });
    expect(withFrames(replay, []).inputs).toEqual([]);
  });
});
