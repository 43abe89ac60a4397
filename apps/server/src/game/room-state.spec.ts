import { describe, expect, it } from 'vitest';
import { newPlayerState, newRoomState } from './room-state.ts';
import { PLAYER_FIELDS, ROOM_FIELDS } from './state-fields.ts';

describe('room state schema', () => {
  it('has exactly the fields the protocol describes (RoomStateShape, PlayerStateShape)', () => {
    const room = newRoomState('duo', '');
    room.players.set('p', newPlayerState());
    const json = room.toJSON() as Record<string, unknown> & { players: Record<string, object> };
    expect(Object.keys(json).sort()).toEqual(Object.keys(ROOM_FIELDS).sort());
    expect(Object.keys(json.players['p']!).sort()).toEqual(Object.keys(PLAYER_FIELDS).sort());
  });

  it('starts a duo room with no result and an empty series', () => {
    const room = newRoomState('duo', '');
    const p = newPlayerState();
    expect(room).toMatchObject({ result: 'pending', winner: '' });
    expect(p).toMatchObject({ rematch: false, wins: 0, losses: 0, draws: 0 });
  });
});
