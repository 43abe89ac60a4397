import { Button } from '@tengen/engine';

/** Player actions the controls can bind; the first five are engine buttons, the last two are commands. */
export const ACTIONS = [
  'left',
  'right',
  'down',
  'rotateCw',
  'rotateCcw',
  'select',
  'pause',
] as const;

/** One bindable action. */
export type Action = (typeof ACTIONS)[number];

/** Bit of each action in an action mask (the order of `ACTIONS`). */
export const ACTION_BIT: Readonly<Record<Action, number>> = {
  left: 1,
  right: 2,
  down: 4,
  rotateCw: 8,
  rotateCcw: 16,
  select: 32,
  pause: 64,
};

/** Human labels for the Controls screen and the touch pad. */
export const ACTION_LABEL: Readonly<Record<Action, string>> = {
  left: 'Move left',
  right: 'Move right',
  down: 'Soft drop',
  rotateCw: 'Rotate clockwise (A)',
  rotateCcw: 'Rotate counter-clockwise (B)',
  select: 'Select / start',
  pause: 'Pause',
};

/**
 * The engine's button mask for a held-action mask. The bits happen to line up (Left=1 ... B=16), but
 * the mapping is spelled out so either side can change without breaking the other.
 */
export function actionsToButtons(mask: number): number {
  let b = 0;
  if (mask & ACTION_BIT.left) b |= Button.Left;
  if (mask & ACTION_BIT.right) b |= Button.Right;
  if (mask & ACTION_BIT.down) b |= Button.Down;
  if (mask & ACTION_BIT.rotateCw) b |= Button.A;
  if (mask & ACTION_BIT.rotateCcw) b |= Button.B;
  return b;
}

/** Type guard for action names read from untrusted data (storage, DOM attributes). */
export function isAction(v: unknown): v is Action {
  return typeof v === 'string' && (ACTIONS as readonly string[]).includes(v);
}
