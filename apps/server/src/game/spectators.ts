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

/**
 * The spectators of one room, independent of Colyseus: who watches (by session id), the cap, and
 * the `spectators` count every client sees in the room state. Spectators take no seat: the
 * `Match` never hears of them, and they count toward neither the seats nor matchmaking.
 */
export class Spectators {
  readonly #ids = new Set<string>();
  readonly #state: GameRoomState;
  readonly #cap: number;

  constructor(state: GameRoomState, cap = MAX_SPECTATORS) {
    this.#state = state;
    this.#cap = cap;
  }

  /** Admits a spectator unless the room already has `cap` of them. */
  admit(id: string): { ok: true } | SpectatorRefusal {
    if (this.#ids.size >= this.#cap)
      return {
        ok: false,
        reason: 'full',
        message: `this game already has ${this.#cap} spectators, the most a game can have`,
      };
    this.#ids.add(id);
    this.#state.spectators = this.#ids.size;
    return { ok: true };
  }

  /** True when `id` is watching (not playing). */
  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** The spectator left (or its reconnection window ran out). */
  remove(id: string): void {
    if (!this.#ids.delete(id)) return;
    this.#state.spectators = this.#ids.size;
  }

  get count(): number {
    return this.#ids.size;
  }

  /** Session ids of every spectator. */
  ids(): string[] {
    return [...this.#ids];
  }
}
