import { describe, expect, it } from 'vitest';
import { encodeReplayBinary, type Replay } from '@tengen/engine';
import { MAX_REPLAY_FILE_BYTES, readReplayFile, replayFileName } from './replay-file.ts';

const replay: Replay = {
  version: 1,
  seed: '8988',
  startLevel: 18,
  inputs: [
    [30, 0],
    [5, 2],
  ],
};
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('readReplayFile', () => {
  it('reads replay JSON and the binary form', () => {
    expect(readReplayFile('a.json', bytes(JSON.stringify(replay)))).toEqual(replay);
    expect(readReplayFile('a.bin', encodeReplayBinary(replay))).toEqual(replay);
  });

  it.each([
    ['empty', new Uint8Array(0), /empty/],
    ['not JSON', bytes('hello'), /not a replay file/],
    ['an image', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff]), /not a replay file/],
    ['a wrong version', bytes('{"version":9,"seed":"8988","startLevel":0,"inputs":[]}'), /version/],
    ['a zero seed', bytes('{"version":1,"seed":"0000","startLevel":0,"inputs":[]}'), /seed/],
    ['a bad level', bytes('{"version":1,"seed":"8988","startLevel":40,"inputs":[]}'), /startLevel/],
    [
      'bad buttons',
      bytes('{"version":1,"seed":"8988","startLevel":0,"inputs":[[1,64]]}'),
      /button/,
    ],
    ['a truncated binary', Uint8Array.from([0x54, 0x52, 1, 0x89, 0x88, 0, 0x80]), /truncated/],
  ])('refuses %s with a reason', (_, data, reason) => {
    expect(() => readReplayFile('x.json', data)).toThrow(reason);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(() => readReplayFile('big.json', new Uint8Array(MAX_REPLAY_FILE_BYTES + 1))).toThrow(
      /too big/,
    );
  });
});

describe('replayFileName', () => {
  it('names the player and score, keeping only safe characters', () => {
    expect(replayFileName({ name: 'Ann B./..', score: 120, id: 'abcdefghijkm' })).toBe(
      'tengen-Ann-B-120-abcdefghijkm.json',
    );
    expect(replayFileName({ score: 0 })).toBe('tengen-replay-0.json');
  });
});
