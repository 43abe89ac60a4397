import type { GameProjection, PlayerStatus, RoomStateShape } from '@tengen/protocol';

/** Every field of the room state the protocol describes; `satisfies` fails the build when one is missing. */
export const ROOM_FIELDS = {
  mode: true,
  phase: true,
  code: true,
  host: true,
  paused: true,
  draining: true,
  result: true,
  winner: true,
  spectators: true,
  players: true,
} as const satisfies Record<keyof RoomStateShape, true>;

/** Every field of a player in the room state (status and game projection), kept complete the same way. */
export const PLAYER_FIELDS = {
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
  stats: true,
} as const satisfies Record<keyof PlayerStatus | keyof GameProjection, true>;
