import { ACTION_BIT } from './actions.ts';

const LEFT = ACTION_BIT.left;
const RIGHT = ACTION_BIT.right;
const BOTH = LEFT | RIGHT;

/**
 * Left and Right held together, as only a keyboard (or a pad's stick against its d-pad) can:
 * the last one pressed wins, so the engine only ever gets what a NES d-pad can send. Why this and
 * not "neither" or both: docs/rules-versions.md ("Opposite directions").
 * `lastPressed` is `ACTION_BIT.left` or `ACTION_BIT.right`: the direction pressed most recently.
 */
export function lastPressedWins(mask: number, lastPressed: number): number {
  if ((mask & BOTH) !== BOTH) return mask;
  return (mask & ~BOTH) | (lastPressed & BOTH);
}

/**
 * Which direction a change of held actions pressed last: `rising` is what was just pressed. Both
 * at once (one event holding both) counts as Right, the direction the ROM's `shift_tetrimino`
 * checks first.
 */
export function latestDirection(rising: number, previous: number): number {
  if ((rising & RIGHT) !== 0) return RIGHT;
  if ((rising & LEFT) !== 0) return LEFT;
  return previous;
}
