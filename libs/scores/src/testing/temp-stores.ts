// Test support: SQLite files in temp folders for the specs that open stores by hand (locks, faults,
// raw SQL), closed and removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** Something a test opened that must be closed before its files go. */
interface Closable {
  close(): void;
}

/** See `tempStores`. */
export interface TempStores {
  /** The path of a new database (`scores.db`, or `name`) in a fresh temp folder; not created. */
  file(name?: string): string;
  /** Has `store` closed after the test; returns it. */
  keep<S extends Closable>(store: S): S;
}

/**
 * Temp database files for one spec file (folders named `prefix…`). After each test, `beforeCleanup`
 * runs (e.g. to make files writable again), then the kept stores are closed and the folders removed.
 */
export function tempStores(prefix: string, beforeCleanup?: () => void): TempStores {
  const dirs: string[] = [];
  const stores: Closable[] = [];
  afterEach(() => {
    beforeCleanup?.();
    for (const s of stores.splice(0)) s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    file(name = 'scores.db') {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return join(d, name);
    },
    keep(store) {
      stores.push(store);
      return store;
    },
  };
}
