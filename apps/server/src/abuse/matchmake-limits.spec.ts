import { CODE_JOIN_BURST, MATCHMAKE_REFUSAL, ROOM_CREATE_BURST } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { MatchmakeLimits } from './matchmake-limits.ts';

function limits(maxConnections = 100) {
  const state = { connections: 0 };
  return {
    state,
    limits: new MatchmakeLimits({ connections: () => state.connections, maxConnections }),
  };
}

describe('MatchmakeLimits', () => {
  it('spends room creations on create, not on joins', () => {
    const { limits: l } = limits();
    for (let i = 0; i < 50; i++) expect(l.admit('joinOrCreate', 'a', 0)).toBeNull();
    for (let i = 0; i < ROOM_CREATE_BURST; i++) expect(l.admit('create', 'a', 0)).toBeNull();
    expect(l.admit('create', 'a', 0)?.code).toBe(MATCHMAKE_REFUSAL.tooManyRooms);
    expect(l.mayCreate('a', 0)?.reason).toBe('tooManyRooms');
    expect(l.admit('create', 'b', 0)).toBeNull();
    expect(l.mayCreate('b', 0)).toBeNull();
  });

  it('spends a code attempt on every joinById', () => {
    const { limits: l } = limits();
    for (let i = 0; i < CODE_JOIN_BURST; i++) expect(l.admit('joinById', 'a', 0)).toBeNull();
    expect(l.admit('joinById', 'a', 0)).toMatchObject({
      reason: 'tooManyCodeAttempts',
      code: MATCHMAKE_REFUSAL.tooManyCodeAttempts,
    });
    // Room creation is a separate budget.
    expect(l.admit('create', 'a', 0)).toBeNull();
  });

  it('refuses everyone but reconnecting players at the connection cap', () => {
    const { state, limits: l } = limits(3);
    state.connections = 3;
    for (const method of ['create', 'joinOrCreate', 'join', 'joinById'])
      expect(l.admit(method, 'a', 0)).toMatchObject({
        reason: 'serverFull',
        message: 'the server is full, try again shortly',
      });
    expect(l.admit('reconnect', 'a', 0)).toBeNull();
    expect(l.overfull()).toBe(false);
    state.connections = 4;
    expect(l.overfull()).toBe(true);
  });
});
