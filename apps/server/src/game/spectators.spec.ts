import { describe, expect, it } from 'vitest';
import { newRoomState } from './room-state.ts';
import { Spectators, wantsToSpectate } from './spectators.ts';

describe('Spectators', () => {
  it('admits up to the cap, keeps the state count, and frees a place when one leaves', () => {
    const state = newRoomState('duo', '');
    const s = new Spectators(state, 2);
    expect(s.admit('x')).toEqual({ ok: true });
    expect(s.admit('y')).toEqual({ ok: true });
    expect(state.spectators).toBe(2);
    expect(s.admit('z')).toMatchObject({ ok: false, reason: 'full' });
    expect(s.has('z')).toBe(false);
    s.remove('x');
    s.remove('x');
    expect(state.spectators).toBe(1);
    expect(s.admit('z')).toEqual({ ok: true });
    expect(s.ids()).toEqual(['y', 'z']);
  });

  it('reads only a literal `spectate: true` from join options', () => {
    expect(wantsToSpectate({ spectate: true })).toBe(true);
    for (const o of [undefined, null, 'spectate', { spectate: 'true' }, { spectate: 1 }, {}])
      expect(wantsToSpectate(o)).toBe(false);
  });
});
