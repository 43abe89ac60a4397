import type { Rect } from './layout.ts';

/** Where the touch pad's three groups sit (CSS pixels inside the stage) and how big its buttons are. */
export interface PadLayout {
  /** 'below': a strip under the boards (portrait); 'sides': d-pad left, A/B right (landscape). */
  placement: 'below' | 'sides';
  /** Side of a d-pad button. */
  button: number;
  /** Diameter of the A and B buttons. */
  ab: number;
  dpad: Rect;
  abPair: Rect;
  pause: Rect;
  /** Height the strip takes from the bottom ('below'), else 0. */
  bottom: number;
  /** Width each side column takes ('sides'), else 0. */
  side: number;
}

const MARGIN = 10;
const DPAD_GAP = 6;
const AB_GAP = 10;
/** B sits lower than A, as a thumb rolls across them. */
const B_DROP = 28;
const PAUSE = { w: 52, h: 40 } as const;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * The pad for a `width` x `height` stage: a strip below in portrait, two side columns in landscape.
 * Button sizes follow the screen (at least 44 px, the usual touch target) and are published to the CSS.
 */
export function padLayout(width: number, height: number): PadLayout {
  const below = height > width;
  const ref = below ? width : height;
  const button = Math.round(clamp(ref * 0.12, 44, 64));
  const ab = Math.round(clamp(ref * 0.15, 52, 76));
  const dw = 3 * button + 2 * DPAD_GAP;
  const dh = 2 * button + DPAD_GAP;
  const aw = 2 * ab + AB_GAP;
  const ah = ab + B_DROP;
  if (below) {
    const base = height - MARGIN;
    const dpad = { x: MARGIN, y: base - dh, w: dw, h: dh };
    const centred = { x: Math.round((width - PAUSE.w) / 2), y: base - PAUSE.h, ...PAUSE };
    const fits =
      dpad.x + dw + DPAD_GAP <= centred.x && centred.x + PAUSE.w + DPAD_GAP <= width - MARGIN - aw;
    // On the narrowest screens pause takes the d-pad's free top-middle cell (there is no Up on a NES).
    const pause = fits
      ? centred
      : { x: MARGIN + button + DPAD_GAP, y: dpad.y, w: button, h: button };
    return {
      placement: 'below',
      button,
      ab,
      dpad,
      abPair: { x: width - MARGIN - aw, y: base - ah, w: aw, h: ah },
      pause,
      bottom: Math.max(dh, ah) + 2 * MARGIN,
      side: 0,
    };
  }
  const side = Math.max(dw, aw) + 2 * MARGIN;
  const base = height - MARGIN;
  return {
    placement: 'sides',
    button,
    ab,
    dpad: { x: MARGIN, y: base - dh, w: dw, h: dh },
    abPair: { x: width - MARGIN - aw, y: base - ah, w: aw, h: ah },
    pause: { x: width - side + Math.round((side - PAUSE.w) / 2), y: MARGIN, ...PAUSE },
    bottom: 0,
    side,
  };
}
