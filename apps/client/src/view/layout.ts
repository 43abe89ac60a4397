/** An axis-aligned rectangle in screen pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where a left-to-right run of 8-pixel glyphs goes. */
export interface TextSpot {
  x: number;
  y: number;
  /** Width in characters (mirroring needs the run's width). */
  chars: number;
}

/** A static label and its spot. */
export interface Label extends TextSpot {
  text: string;
}

/** One player's screen regions, NES style: statistics, lines, well, score, next, level. */
export interface PlayerLayout {
  /** The 10x20 well interior (8-pixel cells). */
  well: Rect;
  /** Framed boxes drawn around the panels. */
  boxes: Rect[];
  labels: Label[];
  lines: TextSpot;
  top: TextSpot;
  score: TextSpot;
  level: TextSpot;
  /** Centre of the next-piece preview. */
  next: { x: number; y: number };
  /** Per piece type: centre of its statistics icon and the spot of its count. */
  stats: { icon: { x: number; y: number }; count: TextSpot }[];
  /** Name plate above the well (duo: "YOU" / the opponent). */
  name: TextSpot;
}

/** Pixels per cell and per glyph, as on the NES. */
export const CELL = 8;
/** One player's screen: the NES picture, 256 x 224. */
export const SCREEN_W = 256;
/** Screen height in pixels. */
export const SCREEN_H = 224;

/** The NES one-player layout (positions follow the cartridge's screen, in 8-pixel tiles). */
export function nesLayout(): PlayerLayout {
  const stats = Array.from({ length: 7 }, (_, i) => ({
    icon: { x: 36, y: 92 + i * 16 },
    count: { x: 56, y: 88 + i * 16, chars: 3 },
  }));
  return {
    well: { x: 96, y: 48, w: 80, h: 160 },
    boxes: [
      { x: 16, y: 24, w: 64, h: 24 }, // type
      { x: 88, y: 16, w: 96, h: 24 }, // lines
      { x: 16, y: 64, w: 72, h: 144 }, // statistics
      { x: 88, y: 40, w: 96, h: 176 }, // well frame
      { x: 192, y: 24, w: 60, h: 56 }, // top / score
      { x: 192, y: 104, w: 48, h: 48 }, // next
      { x: 192, y: 160, w: 48, h: 32 }, // level
    ],
    labels: [
      { text: 'A-TYPE', x: 24, y: 32, chars: 6 },
      { text: 'STATS', x: 32, y: 72, chars: 5 },
      { text: 'TOP', x: 200, y: 32, chars: 3 },
      { text: 'SCORE', x: 200, y: 56, chars: 5 },
      { text: 'NEXT', x: 200, y: 112, chars: 4 },
      { text: 'LEVEL', x: 196, y: 168, chars: 5 },
    ],
    lines: { x: 96, y: 24, chars: 10 },
    top: { x: 196, y: 44, chars: 6 },
    score: { x: 196, y: 68, chars: 6 },
    level: { x: 212, y: 180, chars: 2 },
    next: { x: 216, y: 136 },
    stats,
    name: { x: 96, y: 8, chars: 10 },
  };
}

type Point = { x: number; y: number };

/** Rebuilds a layout with every rectangle, text spot and point passed through the given maps. */
function mapLayout(
  l: PlayerLayout,
  rect: (r: Rect) => Rect,
  spot: <T extends TextSpot>(t: T) => T,
  point: (p: Point) => Point,
): PlayerLayout {
  return {
    well: rect(l.well),
    boxes: l.boxes.map(rect),
    labels: l.labels.map(spot),
    lines: spot(l.lines),
    top: spot(l.top),
    score: spot(l.score),
    level: spot(l.level),
    next: point(l.next),
    stats: l.stats.map((s) => ({ icon: point(s.icon), count: spot(s.count) })),
    name: spot(l.name),
  };
}

/**
 * A layout flipped left-right inside a `width`-wide screen placed at `offset`: the opponent's side of
 * a duo screen, so both wells face each other with the panels on the outside edges. Text still reads
 * left to right; only where each run starts moves.
 */
export function mirrorLayout(
  l: PlayerLayout,
  offset: number,
  width: number = SCREEN_W,
): PlayerLayout {
  const flip = (x: number, w: number): number => offset + width - (x + w);
  return mapLayout(
    l,
    (r) => ({ ...r, x: flip(r.x, r.w) }),
    (t) => ({ ...t, x: flip(t.x, t.chars * CELL) }),
    (p) => ({ x: offset + width - p.x, y: p.y }),
  );
}

/** A layout moved right by `dx` pixels. */
export function shiftLayout(l: PlayerLayout, dx: number): PlayerLayout {
  return mapLayout(
    l,
    (r) => ({ ...r, x: r.x + dx }),
    (t) => ({ ...t, x: t.x + dx }),
    (p) => ({ x: p.x + dx, y: p.y }),
  );
}

/** Portrait screen size (phones held upright): the well and one column of panels, no statistics. */
export const PORTRAIT_W = 192;
/** See `PORTRAIT_W`. */
export const PORTRAIT_H = 208;

/** A narrow one-player layout for portrait screens: the well left, lines/score/next/level right. */
export function portraitLayout(): PlayerLayout {
  return {
    well: { x: 12, y: 32, w: 80, h: 160 },
    boxes: [
      { x: 4, y: 24, w: 96, h: 176 }, // well frame
      { x: 100, y: 24, w: 88, h: 24 }, // lines
      { x: 100, y: 52, w: 88, h: 56 }, // top / score
      { x: 100, y: 112, w: 88, h: 52 }, // next
      { x: 100, y: 168, w: 88, h: 32 }, // level
    ],
    labels: [
      { text: 'TOP', x: 108, y: 60, chars: 3 },
      { text: 'SCORE', x: 108, y: 84, chars: 5 },
      { text: 'NEXT', x: 108, y: 120, chars: 4 },
      { text: 'LEVEL', x: 108, y: 176, chars: 5 },
    ],
    lines: { x: 108, y: 32, chars: 9 },
    top: { x: 108, y: 72, chars: 6 },
    score: { x: 108, y: 96, chars: 6 },
    level: { x: 164, y: 176, chars: 2 },
    next: { x: 144, y: 144 },
    stats: [],
    name: { x: 12, y: 8, chars: 10 },
  };
}
