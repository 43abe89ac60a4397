import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_BOARD, packBoard, unpackBoard } from './board.ts';
import { MAX_PENDING_FRAMES, MIN_BATCH_FRAMES } from './constants.ts';
import { InputBatcher, type InputBatch } from './input-batcher.ts';

const expand = (batches: InputBatch[]) =>
  batches.flatMap((b) => b.runs.flatMap(([n, buttons]) => Array<number>(n).fill(buttons)));

describe('InputBatcher', () => {
  it('returns contiguous batches that reproduce every frame', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 31 }), { maxLength: 500 }), (frames) => {
        const batcher = new InputBatcher();
        const batches: InputBatch[] = [];
        for (const b of frames) {
          const batch = batcher.push(b);
          if (batch) batches.push(batch);
        }
        const last = batcher.flush();
        if (last) batches.push(last);
        let next = 0;
        for (const batch of batches) {
          expect(batch.from).toBe(next);
          const size = batch.runs.reduce((n, [c]) => n + c, 0);
          expect(size).toBeLessThanOrEqual(MAX_PENDING_FRAMES);
          next += size;
        }
        expect(expand(batches)).toEqual(frames);
        expect(batcher.nextFrame).toBe(frames.length);
      }),
    );
  });

  it('holds idle frames until the pending limit, sends changes quickly', () => {
    const batcher = new InputBatcher(100);
    for (let i = 1; i < MIN_BATCH_FRAMES; i++) expect(batcher.push(0)).toBeNull();
    // The first frames count as a change.
    expect(batcher.push(0)).toEqual({ from: 100, runs: [[MIN_BATCH_FRAMES, 0]] });
    let from = 100 + MIN_BATCH_FRAMES;
    for (let i = 1; i < MAX_PENDING_FRAMES; i++) expect(batcher.push(0)).toBeNull();
    expect(batcher.push(0)).toEqual({ from, runs: [[MAX_PENDING_FRAMES, 0]] });
    from += MAX_PENDING_FRAMES;
    for (let i = 1; i < MIN_BATCH_FRAMES; i++) expect(batcher.push(i % 2)).toBeNull();
    expect(batcher.push(1)).not.toBeNull();
    expect(batcher.nextFrame).toBe(from + MIN_BATCH_FRAMES);
  });
});

describe('board strings', () => {
  it('round-trip', () => {
    const cells = Uint8Array.from({ length: 200 }, (_, i) => i % 8);
    const packed = packBoard(cells);
    expect(packed).toHaveLength(100);
    expect(packed).toMatch(/^[\x30-\x6f]+$/);
    expect(unpackBoard(packed)).toEqual(cells);
    expect(packBoard(new Uint8Array(200))).toBe(EMPTY_BOARD);
  });
});
