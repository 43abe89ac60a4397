import type { Room } from '@colyseus/core';
import { $changes, type ArraySchema, StateView } from '@colyseus/schema';

// V8 gives a Map or a Set a new hash table each time it is cleared, allocated where the Map lives:
// for a long-lived one that is the old generation, so every clear leaves 120-150 bytes there that
// only a major GC reclaims, even the clear of an empty Map. Colyseus clears each room's
// `encodedViews` on every patch and each client's `view.changes` on every patch to that client: at
// 4,000 players about 9 MB a second of old-generation garbage, so a major GC every half minute and
// with each a second of slow batches (issue 11's capacity tail). These make those clears free.
// (`npx nx run server:bench-clears` prints the bytes per clear.)

/**
 * A Map's get, set, has, delete and clear over two arrays, in place of the `encodedViews` Map a
 * room's serializer fills and clears on every patch (one entry per view: a room's players and its
 * spectators' shared view). Clearing reuses the arrays.
 */
export class ViewTable<K, V> {
  readonly #keys: (K | undefined)[] = [];
  readonly #values: (V | undefined)[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  #indexOf(key: K): number {
    for (let i = 0; i < this.#size; i++) if (this.#keys[i] === key) return i;
    return -1;
  }

  get(key: K): V | undefined {
    const i = this.#indexOf(key);
    return i < 0 ? undefined : this.#values[i];
  }

  has(key: K): boolean {
    return this.#indexOf(key) >= 0;
  }

  set(key: K, value: V): this {
    const i = this.#indexOf(key);
    if (i >= 0) this.#values[i] = value;
    else {
      this.#keys[this.#size] = key;
      this.#values[this.#size++] = value;
    }
    return this;
  }

  delete(key: K): boolean {
    const i = this.#indexOf(key);
    if (i < 0) return false;
    const last = --this.#size;
    for (let j = i; j < last; j++) {
      this.#keys[j] = this.#keys[j + 1];
      this.#values[j] = this.#values[j + 1];
    }
    this.#keys[last] = undefined;
    this.#values[last] = undefined;
    return true;
  }

  /** Empties the table, keeping its arrays (their slots released, so nothing is kept alive). */
  clear(): void {
    for (let i = 0; i < this.#size; i++) {
      this.#keys[i] = undefined;
      this.#values[i] = undefined;
    }
    this.#size = 0;
  }

  /** The keys in the order they were first set, as a Map's `keys()`. */
  *keys(): IterableIterator<K> {
    for (let i = 0; i < this.#size; i++) yield this.#keys[i] as K;
  }

  /** The entries in the order their keys were first set, as a Map's iterator. */
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (let i = 0; i < this.#size; i++) yield [this.#keys[i] as K, this.#values[i] as V];
  }
}

/**
 * `Map.prototype.clear` unless the Map is already empty. A view's `changes` holds entries only in
 * the patch after the view gained or lost an entry (a player joining, say): every other patch
 * found it empty and still paid a new table. (Deleting entry by entry saves nothing: V8 shrinks
 * the emptied table, a new one again.)
 */
function clearUnlessEmpty(this: Map<unknown, unknown>): void {
  if (this.size !== 0) Map.prototype.clear.call(this);
}

/** A `StateView` whose per-patch `changes.clear()` leaves no old-generation garbage. */
export function newStateView(): StateView {
  const view = new StateView();
  view.changes.clear = clearUnlessEmpty;
  return view;
}

/** The part of Colyseus's `SchemaSerializer` this replaces (protected in its types). */
interface SerializerTables {
  encodedViews?: unknown;
}

/**
 * Gives `room`'s state serializer a `ViewTable` for the encoded views of each patch. Call it
 * right after setting the room's state (which makes a new serializer table). A serializer without
 * the table (no per-client views, or another serializer) is left as it is.
 */
export function leanPatchTables(room: Room): void {
  const serializer = (room as unknown as { _serializer?: SerializerTables })._serializer;
  if (serializer?.encodedViews instanceof Map) serializer.encodedViews = new ViewTable();
}

/** The parts of an `ArraySchema`'s raw target and change tree `leanArrayChanges` replaces. */
interface ArrayTarget {
  items: unknown[];
  tmpItems: unknown[];
  deletedIndexes: unknown[];
  '~onEncodeEnd'(this: ArrayTarget): void;
}
interface ArrayTree {
  collDirty: Map<number, number> | ViewTable<number, number>;
  refTarget: ArrayTarget;
}

/**
 * After each patch that carried a change to it, Colyseus clears an `ArraySchema`'s pending
 * operations (a Map: `clear()` of a non-empty Map is a new hash table) and copies its items into a
 * new staging array (`tmpItems = items.slice()`). Both new objects live until the array's next
 * change: for a player's piece statistics, the next spawn, a second or more later, so both outlive
 * the scavenge in between and are copied, then promoted, as garbage: half of what outlived the
 * server's scavenges at 3,510 players (V8's sampling heap profiler; see the server README).
 *
 * Gives `array` a `ViewTable` for its pending operations (the same insertion order a Map keeps;
 * clearing reuses it) and refills its staging array in place when nothing was deleted from it
 * (otherwise Colyseus's own end of encoding runs, reindexing as it does). For arrays of numbers
 * that only ever change in place, like the statistics; call it on a new array, before any patch.
 */
export function leanArrayChanges(array: ArraySchema<number>): void {
  const trees = array as unknown as { [key: symbol]: ArrayTree | undefined };
  const tree = trees[$changes as symbol];
  if (!tree || !(tree.collDirty instanceof Map)) return;
  const dirty = new ViewTable<number, number>();
  for (const [index, op] of tree.collDirty) dirty.set(index, op);
  tree.collDirty = dirty;
  const target = tree.refTarget;
  const colyseusEnd = target['~onEncodeEnd'];
  target['~onEncodeEnd'] = function leanEncodeEnd(this: ArrayTarget) {
    const { items, tmpItems } = this;
    if (this.deletedIndexes.length > 0 || items.length !== tmpItems.length)
      return colyseusEnd.call(this);
    for (let i = 0; i < items.length; i++) tmpItems[i] = items[i];
  };
}
