import { describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, validateBindings } from './bindings.ts';
import { checkedRebind } from './rebind-check.ts';

describe('checkedRebind', () => {
  it.each(['Tab', 'Escape', 'F5', 'MetaLeft', 'AltLeft'])('refuses the reserved key %s', (code) => {
    const r = checkedRebind(DEFAULT_BINDINGS, 'rotateCw', code);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/choose another key/);
  });

  it('says which action lost the key and where a robbed action moved (a swap)', () => {
    const r = checkedRebind(DEFAULT_BINDINGS, 'rotateCw', 'Enter');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bindings.rotateCw[0]).toBe('Enter');
    expect(r.bindings.select).toEqual(['ArrowUp']);
    expect(r.message).toBe(
      'Rotate clockwise (A): Enter. Enter no longer does “Select / start”. “Select / start” moved to ↑.',
    );
  });

  it('takes a key from an action that keeps others, without a swap', () => {
    const r = checkedRebind(DEFAULT_BINDINGS, 'rotateCw', 'Space');
    expect(r.ok && r.message).toBe('Rotate clockwise (A): Space. Space no longer does “Pause”.');
    expect(r.ok && r.bindings.pause).toEqual(['KeyP']);
  });

  it('says only the new key for a free key', () => {
    const r = checkedRebind(DEFAULT_BINDINGS, 'left', 'KeyJ');
    expect(r.ok && r.message).toBe('Move left: J.');
  });
});

describe('stored bindings', () => {
  it('refuse a reserved key', () => {
    expect(validateBindings({ ...DEFAULT_BINDINGS, pause: ['Tab'] })).toBeNull();
  });
});
