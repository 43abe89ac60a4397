import type { Room } from '@colyseus/core';
import { $changes, StateView } from '@colyseus/schema';

// V8 gives a Map or a Set a new hash table each time it is cleared, allocated where the Map lives:
// for a long-lived one that is the old generation, so every clear leaves 120-150 bytes there that
// only a major GC reclaims, even the clear of an empty Map. Colyseus clears each room's
// `encodedViews` on every patch and each client's `view.changes` on every patch to that client: at
// 4,000 players about 9 MB a second of old-generation garbage, so a major GC every half minute and
// with each a second of slow batches (issue 11's capacity tail). These make those clears free, and
// the clear of a collection's change record after each patch that changed it (a player's piece
// statistics, at every spawn) cheap.

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
}

/**
 * Empties `this` (a Map) entry by entry: nothing when it is empty, and otherwise only the table
 * V8 rebuilds once the deleted slots fill it (about 20 bytes an entry, against about 150 per
 * clear). The same as `Map.prototype.clear` to every reader: deleting during iteration is defined.
 */
function clearByDeleting(this: Map<unknown, unknown>): void {
  if (this.size === 0) return;
  for (const key of this.keys()) this.delete(key);
}

/** A `StateView` whose per-patch `changes.clear()` leaves no old-generation garbage. */
export function newStateView(): StateView {
  const view = new StateView();
  view.changes.clear = clearByDeleting;
  return view;
}

/**
 * Gives a schema collection (an `ArraySchema`, ...) a change record whose clear after each encode
 * deletes entry by entry. A collection whose tree keeps no such record is left as it is.
 */
export function leanCollection(collection: object): void {
  const tree = (collection as { [$changes]?: { collDirty?: unknown } })[$changes];
  if (tree?.collDirty instanceof Map) tree.collDirty.clear = clearByDeleting;
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
