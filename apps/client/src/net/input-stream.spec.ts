import { describe, expect, it } from 'vitest';
import type { InputBatch } from '@tengen/protocol';
import { chunkRuns, InputStream, sliceRuns } from './input-stream.ts';

/** Expands run-length inputs into one entry per frame. */
function expand(runs: readonly (readonly [number, number])[]): number[] {
  return runs.flatMap(([n, b]) => Array<number>(n).fill(b));
}

describe('sliceRuns', () => {
  const runs: [number, number][] = [
    [3, 0],
    [2, 1],
    [5, 4],
  ];
  it('cuts a frame range out of runs', () => {
    expect(sliceRuns(runs, 0, 10)).toEqual(runs);
    expect(sliceRuns(runs, 2, 6)).toEqual([
      [1, 0],
      [2, 1],
      [1, 4],
    ]);
    expect(sliceRuns(runs, 9, 20)).toEqual([[1, 4]]);
    expect(sliceRuns(runs, 10, 20)).toEqual([]);
  });
});

describe('chunkRuns', () => {
  it('keeps batches within frame and run limits and contiguous', () => {
    const runs: [number, number][] = [
      [700, 0],
      [1, 1],
      [1, 2],
      [1, 1],
      [300, 4],
    ];
    const batches = chunkRuns(runs, 50, 600, 2);
    let next = 50;
    for (const b of batches) {
      expect(b.from).toBe(next);
      expect(b.runs.length).toBeLessThanOrEqual(2);
      const frames = b.runs.reduce((a, [n]) => a + n, 0);
      expect(frames).toBeLessThanOrEqual(600);
      next += frames;
    }
    expect(expand(batches.flatMap((b) => b.runs))).toEqual(expand(runs));
  });
});

describe('InputStream', () => {
  it('sends contiguous batches covering every frame', () => {
    const sent: InputBatch[] = [];
    const s = new InputStream((b) => sent.push(b));
    const frames = Array.from({ length: 200 }, (_, i) => (i % 17 < 5 ? 1 : i % 29 < 3 ? 8 : 0));
    frames.forEach((b, i) => s.push(i, b));
    s.flush();
    let next = 0;
    for (const b of sent) {
      expect(b.from).toBe(next);
      next += b.runs.reduce((a, [n]) => a + n, 0);
    }
    expect(expand(sent.flatMap((b) => b.runs))).toEqual(frames);
  });

  it('refuses a gap', () => {
    const s = new InputStream(() => undefined);
    s.push(0, 0);
    expect(() => s.push(2, 0)).toThrow('expected frame 1');
  });

  it('re-sends a missing stretch from the recording', () => {
    const sent: InputBatch[] = [];
    const s = new InputStream((b) => sent.push(b));
    const recorded: [number, number][] = [];
    for (let i = 0; i < 40; i++) {
      const b = i < 20 ? 0 : 2;
      s.push(i, b);
      const last = recorded[recorded.length - 1];
      if (last && last[1] === b) last[0]++;
      else recorded.push([1, b]);
    }
    sent.length = 0;
    s.resendFrom(15, recorded);
    expect(sent[0]!.from).toBe(15);
    expect(expand(sent.flatMap((b) => b.runs))).toEqual([
      ...Array<number>(5).fill(0),
      ...Array<number>(20).fill(2),
    ]);
    sent.length = 0;
    s.resendFrom(40, recorded);
    expect(sent).toEqual([]);
  });

  it('re-sends from a recording that starts at a resumed game frame', () => {
    const sent: InputBatch[] = [];
    // Resumed at frame 100: the recording holds frames 100.. only.
    const s = new InputStream((b) => sent.push(b), 100);
    for (let i = 100; i < 130; i++) s.push(i, i < 110 ? 1 : 4);
    sent.length = 0;
    s.resendFrom(
      105,
      [
        [10, 1],
        [20, 4],
      ],
      100,
    );
    expect(sent[0]!.from).toBe(105);
    expect(expand(sent.flatMap((b) => b.runs))).toEqual([
      ...Array<number>(5).fill(1),
      ...Array<number>(20).fill(4),
    ]);
    sent.length = 0;
    // Frames before the restore are the server's own: nothing to re-send from here.
    s.resendFrom(90, [[30, 4]], 100);
    expect(sent).toEqual([]);
  });
});
