import { NAME_KEY_PATTERN } from '@tengen/protocol';
import type { KeyValueStore } from '../input/bindings-store.ts';

/** localStorage key of this browser's name key (the secret that makes its names its own). */
export const NAME_KEY_STORAGE = 'tengen.nameKey';
/** localStorage key of the names this browser holds (a JSON list), for the player pages. */
export const HELD_NAMES_STORAGE = 'tengen.heldNames';

/**
 * This browser's name key and the names it holds. The key is issued by the server with the first
 * score stored under a free name (or with a moved name) and sent with every submit; it is never
 * shown. A store that cannot be read or written (private mode) keeps nothing: names then cannot
 * be held by this browser, and submits still work under free names.
 */
export class NameKeyStore {
  readonly #store: KeyValueStore | null;

  constructor(store: KeyValueStore | null) {
    this.#store = store;
  }

  /** The key, or undefined when this browser has none (or what is stored is not a key). */
  key(): string | undefined {
    const k = this.#read(NAME_KEY_STORAGE);
    return k !== null && NAME_KEY_PATTERN.test(k) ? k : undefined;
  }

  /** Keeps a key the server issued (only when this browser had none: the old one stays valid). */
  keep(key: string | undefined): void {
    if (key === undefined || !NAME_KEY_PATTERN.test(key)) return;
    this.#write(NAME_KEY_STORAGE, key);
  }

  /** True when this browser stored a score under `name` or had it moved here. */
  holds(name: string): boolean {
    return this.#held().includes(name.toLowerCase());
  }

  /** Records that this browser holds `name` (names differing only in case are one). */
  hold(name: string): void {
    const held = new Set(this.#held());
    held.add(name.toLowerCase());
    this.#write(HELD_NAMES_STORAGE, JSON.stringify([...held].slice(-100)));
  }

  #held(): string[] {
    try {
      const v: unknown = JSON.parse(this.#read(HELD_NAMES_STORAGE) ?? '[]');
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  #read(k: string): string | null {
    try {
      return this.#store?.getItem(k) ?? null;
    } catch {
      return null;
    }
  }

  #write(k: string, v: string): void {
    try {
      this.#store?.setItem(k, v);
    } catch {
      // Not kept (private mode, full storage): this browser just does not hold the name.
    }
  }
}
