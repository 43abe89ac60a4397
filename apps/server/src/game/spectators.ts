import { MAX_SPECTATORS } from '@tengen/protocol';
import type { GameRoomState } from './room-state.ts';

/** Why a spectator was not admitted. */
export type SpectatorRefusal = { ok: false; reason: 'full'; message: string };

/** True when join options ask to watch rather than play (`{ spectate: true }`). */
export function wantsToSpectate(options: unknown): boolean {
  return (
    typeof options === 'object' &&
    options !== null &&
    (options as { spectate?: unknown }).spectate === true
  );
}

/** True when join options come from a watch relay's reservation (`{ spectate: true, relay: true }`). */
export function isRelay(options: unknown): boolean {
  return wantsToSpectate(options) && (options as { relay?: unknown }).relay === true;
}

/**
 * The spectators of one room, independent of Colyseus: who watches (by session id), the cap, and
 * the `spectators` count every client sees in the room state. Spectators take no seat: the
 * `Match` never hears of them, and they count toward neither the seats nor matchmaking. A watch
 * relay is one connection that stands for the watchers it serves: it counts as the number it
 * reports (`report`), not as one.
 */
export class Spectators {
  readonly #ids = new Set<string>();
  /** Watchers each relay connection reported (relays only). */
  readonly #relays = new Map<string, number>();
  readonly #state: GameRoomState;
  readonly #cap: number;

  constructor(state: GameRoomState, cap = MAX_SPECTATORS) {
    this.#state = state;
    this.#cap = cap;
  }

  /** Admits a spectator unless the room already has `cap` of them. */
  admit(id: string, relay = false): { ok: true } | SpectatorRefusal {
    if (this.#ids.size >= this.#cap)
      return {
        ok: false,
        reason: 'full',
        message: `this game already has ${this.#cap} spectators, the most a game can have`,
      };
    this.#ids.add(id);
    if (relay) this.#relays.set(id, 0);
    this.#recount();
    return { ok: true };
  }

  /** True when `id` is a watch relay's connection. */
  isRelay(id: string): boolean {
    return this.#relays.has(id);
  }

  /** A relay reports how many watchers it serves from this room; ignored for anyone else. */
  report(id: string, watchers: number): void {
    if (!this.#relays.has(id)) return;
    this.#relays.set(id, watchers);
    this.#recount();
  }

  /** True when `id` is watching (not playing). */
  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** The spectator left (or its reconnection window ran out). */
  remove(id: string): void {
    if (!this.#ids.delete(id)) return;
    this.#relays.delete(id);
    this.#recount();
  }

  /** Everyone watching: direct spectators plus every relay's watchers. */
  get count(): number {
    let n = this.#ids.size - this.#relays.size;
    for (const w of this.#relays.values()) n += w;
    return n;
  }

  #recount(): void {
    const n = Math.min(this.count, 0xffff);
    if (this.#state.spectators !== n) this.#state.spectators = n;
  }

  /** Session ids of every spectator. */
  ids(): string[] {
    return [...this.#ids];
  }
}
