import { describe, expect, it } from 'vitest';
import { blockStyle, cssColor, levelColors, PALETTE_COUNT } from './palette.ts';

function channels(rgb: number): [number, number, number] {
  return [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255];
}

describe('palette', () => {
  it('uses the NES block style per piece', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(blockStyle)).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('gives each of the ten palettes distinct, green-dominant colours', () => {
    const seen = new Set<number>();
    for (let lv = 0; lv < PALETTE_COUNT; lv++) {
      const { primary, secondary } = levelColors(lv);
      seen.add(primary);
      const [r, g, b] = channels(primary);
      expect(g).toBeGreaterThan(r);
      expect(g).toBeGreaterThanOrEqual(b);
      expect(primary).not.toBe(secondary);
    }
    expect(seen.size).toBe(PALETTE_COUNT);
  });

  it('repeats every ten levels', () => {
    expect(levelColors(19)).toEqual(levelColors(9));
    expect(levelColors(29)).toEqual(levelColors(9));
  });

  it('formats CSS colours', () => {
    expect(cssColor(0x00ff00)).toBe('#00ff00');
  });
});
