import type { KeyValueStore } from './bindings-store.ts';

/** An on/off choice remembered under `key` ('1' on, '0' off): off when unset or the storage refuses. */
export function readStoredFlag(store: KeyValueStore | null, key: string): boolean {
  try {
    return store?.getItem(key) === '1';
  } catch {
    return false;
  }
}

/** Remembers an on/off choice; where the storage refuses (private mode, full quota) it lasts for this page only. */
export function writeStoredFlag(store: KeyValueStore | null, key: string, on: boolean): void {
  try {
    store?.setItem(key, on ? '1' : '0');
  } catch {
    // Nothing to do: the caller keeps the choice in memory.
  }
}
