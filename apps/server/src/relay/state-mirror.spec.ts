import { Encoder, StateView } from '@colyseus/schema';
import type { RoomStateShape } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { newPlayerState, newRoomState } from '../game/room-state.ts';
import { mirrorRoomState } from './state-mirror.ts';

describe('mirrorRoomState', () => {
  it('copies every field and player, adds players to the view, and drops players gone upstream', () => {
    const upstream = newRoomState('duo', 'K7QXM3PAHD');
    upstream.phase = 'playing';
    upstream.spectators = 42;
    upstream.result = 'passed';
    upstream.winner = 'a';
    const a = newPlayerState();
    a.frame = 300;
    a.board = 'x'.repeat(100);
    a.score = 1234;
    a.piece = 3;
    a.stats[2] = 5;
    a.wins = 2;
    upstream.players.set('a', a);
    upstream.players.set('b', newPlayerState());

    const mine = newRoomState('solo', '');
    // As in a room: the state has an encoder (views only track encoded state).
    new Encoder(mine);
    const view = new StateView();
    mirrorRoomState(upstream as unknown as RoomStateShape, mine, view);
    expect(mine.toJSON()).toEqual(upstream.toJSON());
    expect(view.has(mine.players.get('a')!)).toBe(true);

    upstream.players.delete('b');
    a.frame = 301;
    mirrorRoomState(upstream as unknown as RoomStateShape, mine, view);
    expect(mine.toJSON()).toEqual(upstream.toJSON());
  });
});
