import { describe, expect, it } from 'vitest';
import type { Rect } from './layout.ts';
import { NOTICE_MIN, stageLayout } from './stage-layout.ts';

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The header above the stage on a phone (with the touch pad the HUD line is for screen readers only). */
const HEADER = 40;

describe('solo on a portrait phone', () => {
  it.each([
    [320, 568],
    [375, 667],
    [360, 740],
    [393, 852],
    [390, 844],
    [412, 915],
    [430, 932],
  ])(
    '%ix%i: the well takes 80 percent of the width or 60 of the height, with the pad',
    (vw, vh) => {
      const l = stageLayout({ width: vw, height: vh - HEADER, players: 1, pad: true });
      const well = l.wells[0]!;
      expect(well.w >= 0.8 * vw || well.h >= 0.6 * vh, `${well.w}x${well.h}`).toBe(true);
      expect(l.views).toHaveLength(2);
    },
  );

  it.each([
    [320, 568],
    [375, 667],
  ])('%ix%i: notices go beside the well, under the numbers, clear of both boards', (vw, vh) => {
    const l = stageLayout({ width: vw, height: vh - HEADER, players: 1, pad: true });
    const n = l.notices;
    const well = l.wells[0]!;
    expect(n.x).toBeGreaterThanOrEqual(well.x + well.w);
    expect(n.x + n.w).toBeLessThanOrEqual(vw);
    expect(n.h).toBeGreaterThanOrEqual(2 * NOTICE_MIN);
    for (const v of l.views) expect(overlaps(n, v.rect), JSON.stringify(v.rect)).toBe(false);
    expect(n.y + n.h).toBeLessThanOrEqual(l.pad!.dpad.y);
  });

  it('keeps the notice strip above the boards where the width limits the well (390x844)', () => {
    const l = stageLayout({ width: 390, height: 844 - HEADER, players: 1, pad: true });
    expect(l.notices).toMatchObject({ x: 0, y: 0, w: 390 });
    expect(l.notices.h).toBeGreaterThanOrEqual(NOTICE_MIN);
  });

  it('keeps the NES screen where it gives the bigger well (a desktop window)', () => {
    const l = stageLayout({ width: 1280, height: 640, players: 1, pad: false });
    expect(l.views).toHaveLength(1);
  });
});
