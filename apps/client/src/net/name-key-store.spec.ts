import { describe, expect, it } from 'vitest';
import { memoryStore, refusingStore } from '../testing/memory-store.ts';
import { HELD_NAMES_STORAGE, NAME_KEY_STORAGE, NameKeyStore } from './name-key-store.ts';

const memory = () => memoryStore();

const KEY = 'k'.repeat(43);

describe('NameKeyStore', () => {
  it('keeps only well-formed keys and the names this browser holds, case-blind', () => {
    const m = memory();
    const keys = new NameKeyStore(m);
    expect(keys.key()).toBeUndefined();
    keys.keep('not a key');
    expect(keys.key()).toBeUndefined();
    keys.keep(KEY);
    expect(keys.key()).toBe(KEY);
    keys.hold('Ann');
    expect(keys.holds('ANN')).toBe(true);
    expect(keys.holds('bob')).toBe(false);
    m.data.set(NAME_KEY_STORAGE, 'x'.repeat(5000));
    expect(keys.key()).toBeUndefined();
    m.data.set(HELD_NAMES_STORAGE, '{broken');
    expect(keys.holds('ann')).toBe(false);
  });

  it('works without storage (private mode): holds nothing, never throws', () => {
    const failing = refusingStore;
    for (const keys of [new NameKeyStore(failing), new NameKeyStore(null)]) {
      keys.keep(KEY);
      keys.hold('ann');
      expect(keys.key()).toBeUndefined();
      expect(keys.holds('ann')).toBe(false);
    }
  });
});
