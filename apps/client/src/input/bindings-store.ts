import { DEFAULT_BINDINGS, validateBindings, type Bindings } from './bindings.ts';

/** The part of `Storage` the client uses, so tests can pass a Map-backed fake. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage key of the keyboard bindings. */
export const BINDINGS_KEY = 'tengen.bindings.v1';

/** Loads bindings; missing, unreadable or invalid data yields the defaults (never throws). */
export function loadBindings(store: KeyValueStore | null): Bindings {
  try {
    const raw = store?.getItem(BINDINGS_KEY);
    if (raw == null) return DEFAULT_BINDINGS;
    return validateBindings(JSON.parse(raw)) ?? DEFAULT_BINDINGS;
  } catch {
    return DEFAULT_BINDINGS;
  }
}

/** Saves bindings; returns false when storage refuses (private mode, quota). */
export function saveBindings(store: KeyValueStore | null, bindings: Bindings): boolean {
  try {
    store?.setItem(BINDINGS_KEY, JSON.stringify(bindings));
    return store !== null;
  } catch {
    return false;
  }
}

/** `localStorage` when the browser allows it, else null (some privacy modes throw on access). */
export function browserStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
