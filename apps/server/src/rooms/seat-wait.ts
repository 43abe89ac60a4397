/**
 * How long a quick-match room waited for its seats to fill: from the first player seated alone to
 * the seat that filled the room (the matchmaking wait a player feels). A room that empties before
 * it fills forgets its wait; a room that never needed a second player measures nothing.
 */
export class SeatWait {
  #since: number | undefined;
  readonly #capacity: number;
  readonly #now: () => number;

  constructor(capacity: number, now: () => number) {
    this.#capacity = capacity;
    this.#now = now;
  }

  /** A player took a seat (`taken` seats now): the wait in seconds when this filled the room. */
  seated(taken: number): number | undefined {
    const now = this.#now();
    if (taken < this.#capacity) {
      this.#since ??= now;
      return undefined;
    }
    const since = this.#since;
    this.#since = undefined;
    return since === undefined ? undefined : (now - since) / 1000;
  }

  /** A player left (`taken` seats remain): an empty room waits for nobody. */
  left(taken: number): void {
    if (taken === 0) this.#since = undefined;
  }
}
