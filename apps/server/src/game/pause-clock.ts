/**
 * Wall-clock bookkeeping for a room that can be paused: how long it has been paused in total, so
 * a player's "active" time (what the anti-cheat clock counts) excludes pauses. Times are ms.
 */
export class PauseClock {
  #pausedTotal = 0;
  #pausedSince: number | null = null;
  #count = 0;

  get paused(): boolean {
    return this.#pausedSince !== null;
  }

  /** When the current pause began (ms), or null. */
  get pausedSince(): number | null {
    return this.#pausedSince;
  }

  /** Pauses started so far. */
  get count(): number {
    return this.#count;
  }

  /** Starts a pause; no-op when already paused. */
  pause(now: number): void {
    if (this.#pausedSince !== null) return;
    this.#pausedSince = now;
    this.#count++;
  }

  /** Ends the pause; no-op when not paused. */
  resume(now: number): void {
    if (this.#pausedSince === null) return;
    this.#pausedTotal += Math.max(0, now - this.#pausedSince);
    this.#pausedSince = null;
  }

  /** Total paused milliseconds up to `now` (the running pause included). */
  pausedTotal(now: number): number {
    return (
      this.#pausedTotal + (this.#pausedSince === null ? 0 : Math.max(0, now - this.#pausedSince))
    );
  }
}
