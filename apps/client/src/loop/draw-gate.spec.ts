import { describe, expect, it } from 'vitest';
import { DrawGate, KEEP_ALIVE_FRAMES } from './draw-gate.ts';

/** The frames (0-based) out of `n` that draw, invalidating before the frames in `changes`. */
function drawnFrames(gate: DrawGate, n: number, changes: readonly number[] = []): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (changes.includes(i)) gate.invalidate();
    if (gate.take()) out.push(i);
  }
  return out;
}

describe('DrawGate', () => {
  it('draws the first frame, then a still picture only every keep-alive period', () => {
    expect(drawnFrames(new DrawGate(), 100)).toEqual([0, 30, 60, 90]);
    expect(KEEP_ALIVE_FRAMES).toBe(30);
    expect(drawnFrames(new DrawGate(4), 10)).toEqual([0, 4, 8]);
  });

  it('draws each frame after a change, once, and restarts the keep-alive period there', () => {
    expect(drawnFrames(new DrawGate(10), 30, [3, 5, 6, 20])).toEqual([0, 3, 5, 6, 16, 20]);
  });

  it('several changes before one frame draw that frame once', () => {
    const gate = new DrawGate(100);
    gate.take();
    gate.invalidate();
    gate.invalidate();
    expect([gate.take(), gate.take()]).toEqual([true, false]);
  });

  it('counts frames stepped and drawn until reset, keeping its decision state', () => {
    const gate = new DrawGate(5);
    drawnFrames(gate, 12, [2]);
    expect(gate.counts()).toEqual({ steps: 12, drawn: 3 }); // frames 0, 2 and 7
    gate.reset();
    expect(gate.counts()).toEqual({ steps: 0, drawn: 0 });
    gate.invalidate();
    expect(gate.take()).toBe(true);
    expect(gate.counts()).toEqual({ steps: 1, drawn: 1 });
  });

  it('refuses a keep-alive period that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => new DrawGate(bad)).toThrow(RangeError);
  });
});
