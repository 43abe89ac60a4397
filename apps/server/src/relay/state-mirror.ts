import type { StateView } from '@colyseus/schema';
import type { GameProjection, PlayerStatus, RoomStateShape } from '@tengen/protocol';
import { newPlayerState, type GameRoomState, type PlayerState } from '../game/room-state.ts';

/** Every scalar field of a player (`stats` is copied item by item); the compiler keeps it complete. */
const PLAYER_FIELDS = {
  connected: true,
  left: true,
  phase: true,
  selectedLevel: true,
  startLevel: true,
  ranked: true,
  submitted: true,
  rematch: true,
  wins: true,
  losses: true,
  draws: true,
  frame: true,
  board: true,
  piece: true,
  orientation: true,
  x: true,
  y: true,
  next: true,
  score: true,
  lines: true,
  level: true,
} as const satisfies Record<Exclude<keyof PlayerStatus | keyof GameProjection, 'stats'>, true>;

/** Every scalar field of the room; `players` is mirrored entry by entry. */
const ROOM_FIELDS = {
  mode: true,
  phase: true,
  code: true,
  host: true,
  paused: true,
  draining: true,
  result: true,
  winner: true,
  spectators: true,
} as const satisfies Record<Exclude<keyof RoomStateShape, 'players'>, true>;

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
  for (const key of Object.keys(ROOM_FIELDS))
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
  for (const key of Object.keys(PLAYER_FIELDS))
    if (src[key] !== undefined && dst[key] !== src[key]) dst[key] = src[key];
  const stats = src['stats'] as ArrayLike<number> | undefined;
  if (stats === undefined) return;
  for (let i = 0; i < stats.length && i < mine.stats.length; i++)
    if (mine.stats[i] !== stats[i]) mine.stats[i] = stats[i]!;
}
