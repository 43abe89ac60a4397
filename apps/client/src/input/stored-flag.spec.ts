import { describe, expect, it } from 'vitest';
import { memoryStore, refusingStore } from '../testing/memory-store.ts';
import { readStoredFlag, writeStoredFlag } from './stored-flag.ts';

describe('stored flags', () => {
  it('remember on and off under their key', () => {
    const store = memoryStore();
    expect(readStoredFlag(store, 'a')).toBe(false);
    writeStoredFlag(store, 'a', true);
    expect(store.data.get('a')).toBe('1');
    expect(readStoredFlag(store, 'a')).toBe(true);
    expect(readStoredFlag(store, 'b')).toBe(false);
    writeStoredFlag(store, 'a', false);
    expect(readStoredFlag(store, 'a')).toBe(false);
  });

  it('read anything but "1" as off', () => {
    expect(readStoredFlag(memoryStore({ a: 'true' }), 'a')).toBe(false);
    expect(readStoredFlag(memoryStore({ a: '1' }), 'a')).toBe(true);
  });

  it('are off, and writing them is harmless, without a storage or with one that refuses', () => {
    for (const store of [null, refusingStore]) {
      expect(() => writeStoredFlag(store, 'a', true)).not.toThrow();
      expect(readStoredFlag(store, 'a')).toBe(false);
    }
  });
});
