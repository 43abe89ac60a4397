import { describe, expect, it } from 'vitest';
import { stageLayout } from './stage-layout.ts';

/** The header above the stage on a phone (with the touch pad the HUD line is for screen readers only). */
const HEADER = 40;

describe('solo on a portrait phone', () => {
  it.each([
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

  it('keeps the NES screen where it gives the bigger well (a desktop window)', () => {
    const l = stageLayout({ width: 1280, height: 640, players: 1, pad: false });
    expect(l.views).toHaveLength(1);
  });
});
