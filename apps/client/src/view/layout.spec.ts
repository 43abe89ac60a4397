import { describe, expect, it } from 'vitest';
import {
  CELL,
  mirrorLayout,
  nesLayout,
  portraitLayout,
  PORTRAIT_H,
  PORTRAIT_W,
  shiftLayout,
  SCREEN_W,
  type Rect,
} from './layout.ts';

const inside = (r: Rect, x0: number, x1: number): boolean => r.x >= x0 && r.x + r.w <= x1;

describe('layout', () => {
  it('the well is 10 x 20 cells', () => {
    const l = nesLayout();
    expect(l.well.w).toBe(10 * CELL);
    expect(l.well.h).toBe(20 * CELL);
    expect(l.stats).toHaveLength(7);
  });

  it('every box fits the NES screen', () => {
    for (const b of nesLayout().boxes) expect(inside(b, 0, SCREEN_W)).toBe(true);
  });

  it('mirroring flips the panels into the second screen', () => {
    const l = nesLayout();
    const m = mirrorLayout(l, SCREEN_W);
    expect(m.well).toEqual({ ...l.well, x: 2 * SCREEN_W - l.well.x - l.well.w });
    for (const b of m.boxes) expect(inside(b, SCREEN_W, 2 * SCREEN_W)).toBe(true);
    // Statistics end up on the far right, score near the middle.
    expect(m.stats[0]!.icon.x).toBeGreaterThan(m.well.x);
    expect(m.score.x).toBeLessThan(m.well.x);
    // Text runs keep their width.
    expect(m.score.x + m.score.chars * CELL).toBe(2 * SCREEN_W - l.score.x);
  });

  it('mirroring twice is the identity', () => {
    const l = nesLayout();
    expect(mirrorLayout(mirrorLayout(l, 0), 0)).toEqual(l);
  });

  it('shifting moves everything', () => {
    const l = nesLayout();
    const s = shiftLayout(l, 10);
    expect(s.well.x).toBe(l.well.x + 10);
    expect(s.next.x).toBe(l.next.x + 10);
    expect(s.labels[0]!.text).toBe(l.labels[0]!.text);
  });

  it('the portrait layout fits its screen and keeps the well full size', () => {
    const p = { width: PORTRAIT_W, height: PORTRAIT_H };
    expect(p.width).toBeLessThan(p.height);
    const l = portraitLayout();
    expect(l.well).toMatchObject({ w: 80, h: 160 });
    for (const b of l.boxes) {
      expect(inside(b, 0, p.width)).toBe(true);
      expect(b.y + b.h).toBeLessThanOrEqual(p.height);
    }
    for (const t of [l.lines, l.top, l.score, l.level, ...l.labels])
      expect(t.x + t.chars * CELL).toBeLessThanOrEqual(p.width - 4);
  });
});
