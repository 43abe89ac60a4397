import type { Match } from '../game/match.ts';

/**
 * Seats `ids` in `m`, then picks `level` and readies for each, as their level menus would: a room
 * whose every seat is taken starts its games. Returns `m`.
 */
export function seatAndStart(m: Match, ids: readonly string[], level = 19): Match {
  for (const id of ids) m.join(id);
  for (const id of ids) {
    m.handle(id, { type: 'selectLevel', level });
    m.handle(id, { type: 'ready' });
  }
  return m;
}
