import { describe, expect, it } from 'vitest';
import { type Rect } from './layout.ts';
import { NOTICE_MIN, stageLayout, type StageLayout } from './stage-layout.ts';

/** Height the page header takes above the stage on a phone (the e2e tests measure the real one). */
const HEADER = 40;

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const within = (r: Rect, w: number, h: number): boolean =>
  r.x >= 0 && r.y >= 0 && r.x + r.w <= w + 0.5 && r.y + r.h <= h + 0.5;

/** Phone viewports (portrait and the same turned), tablets, laptop and desktop windows. */
const PHONES: [number, number][] = [];
for (const w of [320, 340, 360, 375, 390, 393, 412, 430, 480])
  for (const ratio of [1.6, 1.78, 2, 2.17, 2.22]) PHONES.push([w, Math.round(w * ratio)]);
const DESKTOPS: [number, number][] = [];
for (const w of [800, 1024, 1280, 1366, 1440, 1600, 1920, 2560])
  for (const h of [600, 720, 768, 800, 900, 1080, 1440]) DESKTOPS.push([w, h]);

interface Case {
  vw: number;
  vh: number;
  pad: boolean;
  players: 1 | 2;
  l: StageLayout;
}

function cases(sizes: [number, number][], pad: boolean): Case[] {
  return sizes.flatMap(([vw, vh]) =>
    ([1, 2] as const).map((players) => ({
      vw,
      vh,
      pad,
      players,
      l: stageLayout({ width: vw, height: vh - HEADER, players, pad }),
    })),
  );
}

const ALL: Case[] = [
  ...cases(PHONES, true),
  ...cases(
    PHONES.map(([w, h]) => [h, w]),
    true,
  ),
  ...cases(DESKTOPS, false),
  ...cases(PHONES, false),
];

const name = (c: Case): string => `${c.vw}x${c.vh} pad=${c.pad} players=${c.players}`;

describe('stageLayout over a grid of screens', () => {
  it('keeps every view, well, pad group, notice strip and panel on screen', () => {
    for (const c of ALL) {
      const { l } = c;
      const rects = [
        ...l.views.map((v) => v.rect),
        ...l.wells,
        l.notices,
        l.panel,
        ...(l.pad ? [l.pad.dpad, l.pad.abPair, l.pad.pause] : []),
      ];
      for (const r of rects) expect(within(r, l.width, l.height), name(c)).toBe(true);
    }
  });

  it('never overlaps two views, and no pad button or notice covers a view', () => {
    for (const c of ALL) {
      const { l } = c;
      const views = l.views.map((v) => v.rect);
      for (let i = 0; i < views.length; i++)
        for (let j = i + 1; j < views.length; j++)
          expect(overlaps(views[i]!, views[j]!), `${name(c)} views ${i}/${j}`).toBe(false);
      const others = [l.notices, ...(l.pad ? [l.pad.dpad, l.pad.abPair, l.pad.pause] : [])];
      for (const o of others)
        for (const v of views)
          expect(overlaps(o, v), `${name(c)} ${JSON.stringify(o)}`).toBe(false);
      if (l.pad) {
        const { dpad, abPair, pause } = l.pad;
        const b = l.pad.button;
        // Pause sits between the groups, or in the d-pad's empty top-middle cell (no Up on a NES).
        const freeCell = { x: dpad.x + (dpad.w - b) / 2, y: dpad.y, w: b, h: b };
        const inCell = JSON.stringify(pause) === JSON.stringify(freeCell);
        expect(
          overlaps(dpad, abPair) || (overlaps(dpad, pause) && !inCell) || overlaps(pause, abPair),
          `${name(c)} ${JSON.stringify(l.pad)}`,
        ).toBe(false);
        expect(overlaps(l.notices, dpad) || overlaps(l.notices, pause), name(c)).toBe(false);
      }
    }
  });

  it('keeps the well 10 x 20 and notices at least three lines tall', () => {
    for (const c of ALL) {
      for (const w of c.l.wells) expect(w.h / w.w).toBeCloseTo(2, 5);
      expect(c.l.notices.h, name(c)).toBeGreaterThanOrEqual(NOTICE_MIN);
    }
  });

  it('in duo, the panel never covers the opponent well', () => {
    for (const c of ALL.filter((x) => x.players === 2)) {
      expect(overlaps(c.l.panel, c.l.wells[1]!), name(c)).toBe(false);
      expect(overlaps(c.l.panel, c.l.notices), name(c)).toBe(false);
      // It covers your own well (so it sits where you were looking).
      expect(overlaps(c.l.panel, c.l.wells[0]!), name(c)).toBe(true);
    }
  });

  it('duo on a portrait phone: your well at least half the screen tall, the rival smaller', () => {
    for (const c of ALL.filter((x) => x.pad && x.players === 2 && x.vh > x.vw)) {
      const [own, opp] = c.l.wells as [Rect, Rect];
      expect(c.l.arrangement, name(c)).toBe('focus');
      // Half the screen on every phone shape since 2017 (16:9 and taller, 340 px and wider); the
      // 2016 iPhone SE (320 x 568) and squat 16:10 screens get a little less.
      const phoneShape = c.vh / c.vw >= 1.75 && c.vw >= 340;
      expect(own.h, name(c)).toBeGreaterThanOrEqual((phoneShape ? 0.5 : 0.4) * c.vh);
      expect(opp.h, name(c)).toBeLessThan(own.h);
      // An 8-pixel cell stays at least 6 CSS pixels: a live view, not a smudge.
      expect(opp.h, name(c)).toBeGreaterThanOrEqual(120);
      // The pad is below the boards.
      expect(c.l.pad!.placement).toBe('below');
      expect(c.l.pad!.dpad.y).toBeGreaterThan(own.y + own.h);
    }
  });

  it('duo on a landscape phone: the pad on either side of your well, which is most of the height', () => {
    for (const c of ALL.filter((x) => x.pad && x.players === 2 && x.vw > x.vh)) {
      const [own, opp] = c.l.wells as [Rect, Rect];
      const { dpad, abPair } = c.l.pad!;
      expect(c.l.arrangement, name(c)).toBe('focus');
      expect(dpad.x + dpad.w, name(c)).toBeLessThanOrEqual(own.x);
      expect(abPair.x, name(c)).toBeGreaterThanOrEqual(opp.x + opp.w);
      // Phones 640+ px wide when turned (all but the oldest) give the well most of the height.
      expect(own.h, name(c)).toBeGreaterThanOrEqual((c.vw >= 640 ? 0.6 : 0.4) * c.vh);
      expect(opp.h, name(c)).toBeLessThan(own.h);
    }
  });

  it('desktop duo keeps two equal NES screens side by side', () => {
    for (const c of ALL.filter((x) => !x.pad && x.players === 2 && x.vw >= 1024 && x.vw >= x.vh)) {
      const [own, opp] = c.l.wells as [Rect, Rect];
      expect(c.l.arrangement, name(c)).toBe('sideBySide');
      expect(opp.h).toBeCloseTo(own.h, 5);
      expect(own.x + own.w).toBeLessThan(opp.x);
      expect(own.h, name(c)).toBeGreaterThanOrEqual(0.3 * (c.vh - HEADER - NOTICE_MIN));
    }
  });

  it('one canvas pixel per CSS pixel when views zoom differently, else the common zoom', () => {
    for (const c of ALL) {
      const zooms = new Set(c.l.views.map((v) => v.zoom));
      expect(c.l.pixel).toBe(zooms.size === 1 ? c.l.views[0]!.zoom : 1);
    }
  });

  it('depends only on size, players and pad (so notices and panels cannot move a board)', () => {
    const a = stageLayout({ width: 390, height: 804, players: 2, pad: true });
    const b = stageLayout({ width: 390, height: 804, players: 2, pad: true });
    expect(a).toEqual(b);
  });
});
