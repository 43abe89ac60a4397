// Old-generation bytes left per clear of a long-lived table, the way the patch path clears them
// (`src/game/lean-tables.ts`): V8 gives a cleared Map or Set a new hash table where the Map lives,
// so a Map that survived into the old generation leaves garbage there that only a major GC takes.
// Usage: npx nx run server:bench-clears (about 2 s).
import { setFlagsFromString, getHeapSpaceStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { newStateView, ViewTable } from '../src/game/lean-tables.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const ROUNDS = 100_000;
const oldSpace = () =>
  getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;

interface Table {
  set(key: object, value: number): unknown;
  clear(): void;
}

/** Bytes of old space per round of `entries` sets and a clear, on a table already in old space. */
function perClear(table: Table, entries: number): number {
  const keys = Array.from({ length: entries }, () => ({}));
  gc();
  gc(); // twice: the table and the keys now live in the old generation
  const before = oldSpace();
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < entries; i++) table.set(keys[i]!, r);
    table.clear();
  }
  return (oldSpace() - before) / ROUNDS;
}

const rows: [string, () => Table][] = [
  ['Map, clear()', () => new Map<object, number>()],
  [
    'Set, clear()',
    () => {
      const set = new Set<object>();
      return { set: (k: object) => set.add(k), clear: () => set.clear() };
    },
  ],
  ['view.changes of newStateView()', () => newStateView().changes as unknown as Table],
  ['ViewTable', () => new ViewTable<object, number>()],
];

process.stdout.write(`old-space bytes per clear (${ROUNDS.toLocaleString('en')} rounds each)\n`);
process.stdout.write(
  `${'table'.padEnd(32)} ${[0, 1, 2, 3].map((n) => `${n} entries`.padStart(10)).join('')}\n`,
);
for (const [name, make] of rows)
  process.stdout.write(
    `${name.padEnd(32)} ${[0, 1, 2, 3].map((n) => perClear(make(), n).toFixed(1).padStart(10)).join('')}\n`,
  );
