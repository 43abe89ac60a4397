import { describe, expect, it } from 'vitest';
import { centredShape } from './piece-shape.ts';

describe('centredShape', () => {
  it('centres the I piece horizontally on its four cells', () => {
    const s = centredShape(6);
    expect(s.map((c) => c.dx)).toEqual([-2, -1, 0, 1]);
    expect(s.every((c) => c.dy === -0.5)).toBe(true);
  });

  it('centres the O piece', () => {
    const s = centredShape(3);
    expect(s.map((c) => c.dx).sort()).toEqual([-1, -1, 0, 0]);
    expect(s.map((c) => c.dy).sort()).toEqual([-1, -1, 0, 0]);
  });

  it('every shape spans at most 4 x 2 cells around its centre', () => {
    for (let t = 0; t < 7; t++) {
      for (const c of centredShape(t)) {
        expect(Math.abs(c.dx + 0.5)).toBeLessThanOrEqual(1.5);
        expect(Math.abs(c.dy + 0.5)).toBeLessThanOrEqual(1);
      }
    }
  });
});
