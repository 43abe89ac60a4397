import { ACTION_BIT } from './actions.ts';

/** The pieces of a `Gamepad` the mapping reads (structural, so tests need no browser). */
export interface PadState {
  mapping: string;
  buttons: readonly { pressed: boolean }[];
  axes: readonly number[];
}

/** Stick deflection that counts as a d-pad press. */
export const AXIS_THRESHOLD = 0.5;

// W3C "standard" mapping indices.
const PAD = {
  A: 0,
  B: 1,
  X: 2,
  Y: 3,
  SELECT: 8,
  START: 9,
  UP: 12,
  DOWN: 13,
  LEFT: 14,
  RIGHT: 15,
} as const;

/**
 * Actions held on a standard-mapping gamepad: d-pad or left stick move, bottom face button (A) rotates
 * clockwise and right face button (B) counter-clockwise like the NES pad, Start pauses, Select selects.
 * Non-standard pads map only their first two axes and buttons 0/1.
 */
export function padActions(pad: PadState): number {
  const on = (i: number): boolean => pad.buttons[i]?.pressed === true;
  const x = pad.axes[0] ?? 0;
  const y = pad.axes[1] ?? 0;
  let m = 0;
  if (x <= -AXIS_THRESHOLD) m |= ACTION_BIT.left;
  if (x >= AXIS_THRESHOLD) m |= ACTION_BIT.right;
  if (y >= AXIS_THRESHOLD) m |= ACTION_BIT.down;
  if (on(PAD.A)) m |= ACTION_BIT.rotateCw;
  if (on(PAD.B)) m |= ACTION_BIT.rotateCcw;
  if (pad.mapping !== 'standard') return m;
  if (on(PAD.LEFT)) m |= ACTION_BIT.left;
  if (on(PAD.RIGHT)) m |= ACTION_BIT.right;
  if (on(PAD.DOWN)) m |= ACTION_BIT.down;
  if (on(PAD.X)) m |= ACTION_BIT.rotateCcw;
  if (on(PAD.Y)) m |= ACTION_BIT.rotateCw;
  if (on(PAD.START)) m |= ACTION_BIT.pause;
  if (on(PAD.SELECT)) m |= ACTION_BIT.select;
  return m;
}

/** Menu keys a pad stands in for: d-pad/stick directions and A as Enter. */
export type MenuKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Enter';

/** Bits of `padMenuKeys`, in `MENU_KEYS` order. */
export const MENU_KEYS: readonly MenuKey[] = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Enter',
];

/** The menu keys held on a pad, as bits of `MENU_KEYS` (menus are HTML; the pad drives them too). */
export function padMenuKeys(pad: PadState): number {
  const on = (i: number): boolean => pad.buttons[i]?.pressed === true;
  const std = pad.mapping === 'standard';
  const x = pad.axes[0] ?? 0;
  const y = pad.axes[1] ?? 0;
  let m = 0;
  if ((std && on(PAD.UP)) || y <= -AXIS_THRESHOLD) m |= 1;
  if ((std && on(PAD.DOWN)) || y >= AXIS_THRESHOLD) m |= 2;
  if ((std && on(PAD.LEFT)) || x <= -AXIS_THRESHOLD) m |= 4;
  if ((std && on(PAD.RIGHT)) || x >= AXIS_THRESHOLD) m |= 8;
  if (on(PAD.A)) m |= 16;
  return m;
}
