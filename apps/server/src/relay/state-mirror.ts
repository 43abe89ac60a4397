import type { StateView } from '@colyseus/schema';
import type { RoomStateShape } from '@tengen/protocol';
import { newPlayerState, type GameRoomState, type PlayerState } from '../game/room-state.ts';
import { PLAYER_FIELDS, ROOM_FIELDS } from '../game/state-fields.ts';

/** Every scalar field of the room; `players` is mirrored entry by entry. */
const ROOM_SCALARS = Object.keys(ROOM_FIELDS).filter((k) => k !== 'players');
/** Every scalar field of a player; `stats` is copied item by item. */
const PLAYER_SCALARS = Object.keys(PLAYER_FIELDS).filter((k) => k !== 'stats');

type Writable = Record<string, unknown>;

/**
 * Copies a game room's state, as a relay decodes it from its upstream connection, into the relay's
 * own room state of the same schema, so its watchers read exactly what a direct spectator reads.
 * Only changed values reach the schema (its setters ignore equal ones), so the relay's patches
 * carry what changed upstream. New players are added to `view` (the watchers' shared view).
 */
export function mirrorRoomState(from: RoomStateShape, to: GameRoomState, view: StateView): void {
  const src = from as unknown as Writable;
  const dst = to as unknown as Writable;
  for (const key of ROOM_SCALARS)
    if (src[key] !== undefined && dst[key] !== src[key]) dst[key] = src[key];
  to.players.forEach((_p, id) => {
    if (from.players?.get(id) === undefined) to.players.delete(id);
  });
  from.players?.forEach((p, id) => {
    let mine = to.players.get(id);
    if (mine === undefined) {
      mine = newPlayerState();
      to.players.set(id, mine);
    }
    mirrorPlayer(p as unknown as Writable, mine);
    if (!view.has(mine)) view.add(mine);
  });
}

function mirrorPlayer(src: Writable, mine: PlayerState): void {
  const dst = mine as unknown as Writable;
  for (const key of PLAYER_SCALARS)
    if (src[key] !== undefined && dst[key] !== src[key]) dst[key] = src[key];
  const stats = src['stats'] as ArrayLike<number> | undefined;
  if (stats === undefined) return;
  for (let i = 0; i < stats.length && i < mine.stats.length; i++)
    if (mine.stats[i] !== stats[i]) mine.stats[i] = stats[i]!;
}
