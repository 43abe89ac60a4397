import { describe, expect, it } from 'vitest';
import { newRoomState } from './room-state.ts';
import { isRelay, Spectators, wantsToSpectate } from './spectators.ts';

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

describe('Spectators with watch relays', () => {
  it('a relay counts as the watchers it reports, not as one; nobody else can report', () => {
    const state = newRoomState('duo', '');
    const s = new Spectators(state, 3);
    s.admit('direct');
    s.admit('relayA', true);
    expect(state.spectators).toBe(1);
    s.report('relayA', 150);
    expect(state.spectators).toBe(151);
    s.admit('relayB', true);
    s.report('relayB', 40);
    expect(state.spectators).toBe(191);
    // A direct spectator's report changes nothing.
    s.report('direct', 500);
    expect(state.spectators).toBe(191);
    expect(s.isRelay('relayA')).toBe(true);
    expect(s.isRelay('direct')).toBe(false);
    // The cap is on connections: a relay takes one place.
    expect(s.admit('one-too-many')).toMatchObject({ ok: false, reason: 'full' });
    s.remove('relayA');
    expect(state.spectators).toBe(41);
  });

  it('reads a relay only from `{ spectate: true, relay: true }`', () => {
    expect(isRelay({ spectate: true, relay: true })).toBe(true);
    for (const o of [{ relay: true }, { spectate: true }, { spectate: true, relay: 'true' }, null])
      expect(isRelay(o)).toBe(false);
  });
});
