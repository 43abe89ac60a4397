import type { PlayerLayout, Rect } from './layout.ts';

/**
 * The phone duo layout of one player, in two parts a stage can show at different sizes: the well with
 * its name plate (`TALL_WELL`), and a narrow column of lines, top, score, next and level (`TALL_INFO`).
 * The opponent's thumbnail is the well part alone.
 */
export function tallLayout(): PlayerLayout {
  return {
    well: { x: 4, y: 16, w: 80, h: 160 },
    boxes: [
      { x: 0, y: 12, w: 88, h: 168 }, // well frame
      { x: 96, y: 0, w: 80, h: 20 }, // lines
      { x: 96, y: 20, w: 80, h: 52 }, // top / score
      { x: 96, y: 72, w: 80, h: 44 }, // next
      { x: 96, y: 116, w: 80, h: 24 }, // level
    ],
    labels: [
      { text: 'TOP', x: 100, y: 26, chars: 3 },
      { text: 'SCORE', x: 100, y: 48, chars: 5 },
      { text: 'NEXT', x: 100, y: 78, chars: 4 },
      { text: 'LEVEL', x: 100, y: 124, chars: 5 },
    ],
    lines: { x: 100, y: 6, chars: 9 },
    top: { x: 100, y: 36, chars: 6 },
    score: { x: 100, y: 58, chars: 6 },
    level: { x: 156, y: 124, chars: 2 },
    next: { x: 136, y: 100 },
    stats: [],
    name: { x: 4, y: 2, chars: 10 },
  };
}

/** The well part of `tallLayout`: name plate and framed well. */
export const TALL_WELL: Rect = { x: 0, y: 0, w: 88, h: 180 };
/** The information column of `tallLayout`. */
export const TALL_INFO: Rect = { x: 96, y: 0, w: 80, h: 140 };
