import type { GameProjection, PlayerStatus, RoomStateShape } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { newPlayerState, newRoomState } from './room-state.ts';

// Every key of the protocol's shapes; `satisfies` fails the build when a key is missing here.
const ROOM_KEYS = {
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
} satisfies Record<keyof RoomStateShape, true>;
const PLAYER_KEYS = {
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
} satisfies Record<keyof PlayerStatus | keyof GameProjection, true>;

describe('room state schema', () => {
  it('has exactly the fields the protocol describes (RoomStateShape, PlayerStateShape)', () => {
    const room = newRoomState('duo', '');
    room.players.set('p', newPlayerState());
    const json = room.toJSON() as Record<string, unknown> & { players: Record<string, object> };
    expect(Object.keys(json).sort()).toEqual(Object.keys(ROOM_KEYS).sort());
    expect(Object.keys(json.players['p']!).sort()).toEqual(Object.keys(PLAYER_KEYS).sort());
  });

  it('starts a duo room with no result and an empty series', () => {
    const room = newRoomState('duo', '');
    const p = newPlayerState();
    expect(room).toMatchObject({ result: 'pending', winner: '' });
    expect(p).toMatchObject({ rematch: false, wins: 0, losses: 0, draws: 0 });
  });
});
