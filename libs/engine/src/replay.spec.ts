import { describe, expect, it } from 'vitest';
import { decodeReplayBinary, encodeReplayBinary } from './replay-binary.ts';
import { parseReplay } from './replay-parse.ts';
import { ReplayRecorder } from './replay-recorder.ts';
import { runReplay } from './replay-run.ts';
import { ReplayError, type Replay } from './replay-types.ts';
import { Game } from './game.ts';

const good: Replay = {
  version: 1,
  seed: '8988',
  startLevel: 0,
  inputs: [
    [10, 0],
    [3, 1],
    [2, 24],
  ],
};

describe('parseReplay', () => {
  it('accepts a valid replay and normalises the seed to upper case', () => {
    expect(parseReplay({ ...good, seed: 'beef' })).toEqual({ ...good, seed: 'BEEF' });
    expect(parseReplay({ ...good, inputs: [] }).inputs).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 42, /must be a JSON object, got 42/],
    ['an array', [], /must be a JSON object, got an array/],
    ['null', null, /must be a JSON object, got null/],
    ['wrong version', { ...good, version: 3 }, /unsupported replay version 3: expected 1 or 2/],
    ['missing version', { ...good, version: undefined }, /unsupported replay version/],
    ['seed 0000', { ...good, seed: '0000' }, /^bad seed "0000": must be 4 hex digits, not 0000/],
    ['seed too short', { ...good, seed: '898' }, /^bad seed "898": must be 4 hex digits$/],
    ['seed not hex', { ...good, seed: 'zzzz' }, /^bad seed "zzzz"/],
    ['seed a number', { ...good, seed: 0x8988 }, /^bad seed 35208: must be a string/],
    ['level too high', { ...good, startLevel: 30 }, /bad startLevel 30: must be an integer 0..29/],
    ['level negative', { ...good, startLevel: -1 }, /bad startLevel -1/],
    ['level fractional', { ...good, startLevel: 1.5 }, /bad startLevel 1.5/],
    ['inputs missing', { ...good, inputs: undefined }, /bad inputs: must be an array/],
    [
      'run not a pair',
      { ...good, inputs: [[1, 0, 0]] },
      /bad inputs\[0\]: must be a \[frameCount, buttons\] pair/,
    ],
    [
      'zero count',
      {
        ...good,
        inputs: [
          [1, 0],
          [0, 1],
        ],
      },
      /bad inputs\[1\]: frame count 0 must be a positive integer/,
    ],
    [
      'fractional count',
      { ...good, inputs: [[1.5, 0]] },
      /frame count 1.5 must be a positive integer/,
    ],
    [
      'string buttons',
      { ...good, inputs: [[1, '1']] },
      /buttons "1" must be a non-negative integer/,
    ],
    [
      'unknown bits',
      { ...good, inputs: [[1, 32]] },
      /bad inputs\[0\]: unknown button bits in 32 \(allowed: Left=1/,
    ],
    [
      'too long',
      {
        ...good,
        inputs: [
          [2 ** 22, 0],
          [1, 0],
        ],
      },
      /replay too long/,
    ],
  ])('rejects %s', (_name, input, message) => {
    expect(() => parseReplay(input)).toThrow(ReplayError);
    expect(() => parseReplay(input)).toThrow(message);
  });

  it('error messages are one line', () => {
    try {
      parseReplay({ ...good, inputs: [[1, 99]] });
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });
});

describe('ReplayRecorder', () => {
  it('run-length encodes frames as they are pushed', () => {
    const rec = new ReplayRecorder(0x8988, 3);
    for (const b of [0, 0, 0, 1, 1, 0, 8]) rec.push(b);
    expect(rec.frames).toBe(7);
    expect(rec.toReplay()).toEqual({
      version: 1,
      seed: '8988',
      startLevel: 3,
      inputs: [
        [3, 0],
        [2, 1],
        [1, 0],
        [1, 8],
      ],
    });
  });

  it('keeps thousands of runs (its packed store grows) and masks buttons to the five known', () => {
    const rec = new ReplayRecorder(0x8988, 3);
    const expected: [number, number][] = [];
    let state = 7;
    for (let i = 0; i < 5000; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const count = 1 + (state % 40);
      const buttons = i % 32;
      for (let f = 0; f < count; f++) rec.push(buttons | 0xe0);
      expected.push([count, buttons]);
    }
    const replay = rec.toReplay();
    expect(replay.inputs).toEqual(expected);
    expect(rec.frames).toBe(expected.reduce((n, [c]) => n + c, 0));
    // A copy: recording on changes the next replay, not this one.
    rec.push(7);
    rec.push(31);
    expect(replay.inputs).toHaveLength(5000);
    expect(rec.toReplay().inputs.slice(-2)).toEqual([
      [expected.at(-1)![0] + 1, 7],
      [1, 31],
    ]);
  });

  it('continues a run longer than one packed entry holds (2^27 - 1 frames) in the next', () => {
    const rec = new ReplayRecorder(0x8988, 3);
    const max = 2 ** 27 - 1;
    for (let f = 0; f < max + 2; f++) rec.push(4);
    rec.push(0);
    expect(rec.toReplay().inputs).toEqual([
      [max, 4],
      [2, 4],
      [1, 0],
    ]);
  });

  it('pads the seed to 4 hex digits and validates options', () => {
    expect(new ReplayRecorder(1, 0).toReplay().seed).toBe('0001');
    expect(() => new ReplayRecorder(0, 0)).toThrow(RangeError);
    expect(() => new ReplayRecorder(1, 30)).toThrow(RangeError);
  });

  it('a recorded game replays to the same result', () => {
    const game = new Game({ seed: 0x0b0e, startLevel: 18 });
    const rec = new ReplayRecorder(0x0b0e, 18);
    for (let f = 0; f < 4000 && !game.topOut; f++) {
      const b = [0, 1, 0, 2, 4, 4, 8, 0, 16][f % 9]!;
      rec.push(b);
      game.step(b);
    }
    const summary = runReplay(parseReplay(JSON.parse(JSON.stringify(rec.toReplay()))));
    expect([summary.score, summary.lines, summary.level, summary.frames, summary.topOut]).toEqual([
      game.score,
      game.lines,
      game.level,
      game.frame,
      game.topOut,
    ]);
  });
});

describe('binary replay codec', () => {
  it('round-trips', () => {
    const replay: Replay = {
      version: 1,
      seed: 'BEEF',
      startLevel: 19,
      inputs: [
        [1, 0],
        [200, 31],
        [5_000_000 >> 3, 4],
      ],
    };
    const bytes = encodeReplayBinary(replay);
    expect(bytes.length).toBeLessThan(16);
    expect(decodeReplayBinary(bytes)).toEqual(replay);
  });

  it('rejects a bad header, truncation and invalid content', () => {
    expect(() => decodeReplayBinary(Uint8Array.from([1, 2, 3]))).toThrow(/bad header/);
    const bytes = encodeReplayBinary({ ...good, inputs: [[300, 1]] });
    expect(() => decodeReplayBinary(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
    const zeroSeed = Uint8Array.from([0x54, 0x52, 1, 0, 0, 0]);
    expect(() => decodeReplayBinary(zeroSeed)).toThrow(/bad seed "0000"/);
    const zeroCount = Uint8Array.from([0x54, 0x52, 1, 0x89, 0x88, 0, 0x01]);
    expect(() => decodeReplayBinary(zeroCount)).toThrow(/frame count 0/);
  });
});

describe('runReplay', () => {
  it('lists every spawned piece, the first included', () => {
    const summary = runReplay({ version: 1, seed: '8988', startLevel: 0, inputs: [] });
    expect(summary).toEqual({
      score: 0,
      lines: 0,
      level: 0,
      frames: 0,
      topOut: false,
      pieces: 'L',
    });
  });
});
