import { ArraySchema } from '@colyseus/schema';
import { Button, Game, GameEvent } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { newPlayerState, newRoomState, projectGame } from './room-state.ts';
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

describe('projectGame', () => {
  const stats = (g: Game) => Array.from({ length: 7 }, (_, i) => g.stat(i));

  it('keeps the piece statistics equal to the game at every spawn, and on a new array', () => {
    const p = newPlayerState();
    const game = new Game({ seed: 0x1234, startLevel: 9 });
    projectGame(p, game, 0, true);
    let spawns = 0;
    for (let f = 0; f < 3_000 && !game.topOut; f++) {
      const events = game.step(f % 3 === 0 ? Button.Down : 0);
      projectGame(p, game, events);
      if ((events & GameEvent.Spawn) !== 0) spawns++;
      expect([...p.stats]).toEqual(stats(game));
    }
    expect(spawns).toBeGreaterThanOrEqual(10);
    // A new game's entry gets a new array: projected in full, it is filled from the game.
    p.stats = new ArraySchema<number>(0, 0, 0, 0, 0, 0, 0);
    projectGame(p, game, 0, true);
    expect([...p.stats]).toEqual(stats(game));
  });
});
