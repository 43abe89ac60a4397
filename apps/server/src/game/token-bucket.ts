const TOKENS = 0;
const AT = 1;

/**
 * A token bucket: `take` succeeds while tokens remain; tokens refill at `ratePerSecond` up to
 * `burst`. Used to tell a sustained flood from a short burst.
 */
export class TokenBucket {
  /**
   * The tokens, then the time they were counted at (ms). In a typed array, not two fields: a
   * field given a new fractional or `Date.now()` value each message holds a freshly allocated
   * number, one per connection alive at every young-generation collection (a heap snapshot diff
   * under load, issue 11); here they are written in place.
   */
  readonly #state = new Float64Array(2);
  readonly #rate: number;
  readonly #burst: number;

  constructor(ratePerSecond: number, burst: number, now: number) {
    this.#rate = ratePerSecond / 1000;
    this.#burst = burst;
    this.#state[TOKENS] = burst;
    this.#state[AT] = now;
  }

  /** Spends one token; false when the bucket is empty. */
  take(now: number): boolean {
    const tokens = this.available(now);
    if (tokens < 1) return false;
    this.#state[TOKENS] = tokens - 1;
    return true;
  }

  /** Tokens in the bucket at `now` (refilled up to the burst). */
  available(now: number): number {
    const s = this.#state;
    const tokens = Math.min(this.#burst, s[TOKENS]! + (now - s[AT]!) * this.#rate);
    s[TOKENS] = tokens;
    s[AT] = now;
    return tokens;
  }

  /** True when the bucket has refilled completely (it then says nothing a new one would not). */
  full(now: number): boolean {
    return this.available(now) >= this.#burst;
  }
}
