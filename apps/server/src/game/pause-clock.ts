/**
 * Wall-clock bookkeeping for a room that can be paused: how long it has been paused in total, so
 * a player's "active" time (what the anti-cheat clock counts) excludes pauses, and who paused:
 * in duo a pause freezes both games but is charged to the player who asked for it. Times are ms.
 */
export class PauseClock {
  #pausedTotal = 0;
  #pausedSince: number | null = null;
  #pausedBy = '';
  #count = 0;
  /** Per player who paused: pauses started and their ms (the running pause excluded). */
  readonly #by = new Map<string, { count: number; ms: number }>();

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

  /** Starts a pause asked for by `by` (a player's id; '' when nobody in particular); no-op when already paused. */
  pause(now: number, by = ''): void {
    if (this.#pausedSince !== null) return;
    this.#pausedSince = now;
    this.#pausedBy = by;
    this.#count++;
    this.#tally(by).count++;
  }

  /** Ends the pause; no-op when not paused. */
  resume(now: number): void {
    if (this.#pausedSince === null) return;
    const ms = Math.max(0, now - this.#pausedSince);
    this.#pausedTotal += ms;
    this.#tally(this.#pausedBy).ms += ms;
    this.#pausedSince = null;
  }

  /** Total paused milliseconds up to `now` (the running pause included). */
  pausedTotal(now: number): number {
    return (
      this.#pausedTotal + (this.#pausedSince === null ? 0 : Math.max(0, now - this.#pausedSince))
    );
  }

  /** Pauses started by `by` so far. */
  countBy(by: string): number {
    return this.#by.get(by)?.count ?? 0;
  }

  /** Milliseconds paused by `by` up to `now` (their running pause included). */
  pausedTotalBy(by: string, now: number): number {
    const running =
      this.#pausedSince !== null && this.#pausedBy === by
        ? Math.max(0, now - this.#pausedSince)
        : 0;
    return (this.#by.get(by)?.ms ?? 0) + running;
  }

  #tally(by: string): { count: number; ms: number } {
    let t = this.#by.get(by);
    if (!t) this.#by.set(by, (t = { count: 0, ms: 0 }));
    return t;
  }
}
