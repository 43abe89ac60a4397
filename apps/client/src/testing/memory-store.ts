import type { KeyValueStore } from '../input/bindings-store.ts';

/** localStorage's contract over a Map (node has no localStorage), with the Map to look into. */
export function memoryStore(
  init: Record<string, string> = {},
): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** A storage that refuses every call, as Safari's private mode or a full quota does. */
export const refusingStore: KeyValueStore = {
  getItem: () => {
    throw new Error('denied');
  },
  setItem: () => {
    throw new Error('quota');
  },
  removeItem: () => {
    throw new Error('denied');
  },
};
