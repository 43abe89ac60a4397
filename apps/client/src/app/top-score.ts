import type { KeyValueStore } from '../input/bindings-store.ts';

const KEY = 'tengen.top';

/** The best score seen on this device (the NES "TOP" box); 0 when unknown. */
export function loadTop(store: KeyValueStore | null): number {
  try {
    const n = Number(store?.getItem(KEY) ?? 0);
    return Number.isSafeInteger(n) && n > 0 ? Math.min(n, 999_999) : 0;
  } catch {
    return 0;
  }
}

/** Records a finished game's score if it beats the stored top; returns the new top. */
export function recordTop(store: KeyValueStore | null, score: number): number {
  const top = Math.max(loadTop(store), score);
  try {
    store?.setItem(KEY, String(top));
  } catch {
    // Storage refused: TOP is still right for this visit.
  }
  return top;
}
