import type { Action } from './actions.ts';
import { keyName, type Bindings } from './bindings.ts';

/**
 * The title screen's one-line key guide, written from the player's own bindings (so a rebinding
 * shows at once): "← / A and → / D move · ↑ / X / W and Z rotate · ↓ / S drops · Space / P or Esc pauses".
 */
export function keyHints(b: Bindings): string {
  const keys = (a: Action): string => b[a].map(keyName).join(' / ');
  return [
    `${keys('left')} and ${keys('right')} move`,
    `${keys('rotateCw')} and ${keys('rotateCcw')} rotate`,
    `${keys('down')} drops`,
    `${keys('pause')} or Esc pauses`,
  ].join(' · ');
}
