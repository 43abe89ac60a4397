/**
 * A token bucket: `take` succeeds while tokens remain; tokens refill at `ratePerSecond` up to
 * `burst`. Used to tell a sustained flood from a short burst.
 */
export class TokenBucket {
  #tokens: number;
  #at: number;
  readonly #rate: number;
  readonly #burst: number;

  constructor(ratePerSecond: number, burst: number, now: number) {
    this.#rate = ratePerSecond / 1000;
    this.#burst = burst;
    this.#tokens = burst;
    this.#at = now;
  }

  /** Spends one token; false when the bucket is empty. */
  take(now: number): boolean {
    if (this.available(now) < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Tokens in the bucket at `now` (refilled up to the burst). */
  available(now: number): number {
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#at) * this.#rate);
    this.#at = now;
    return this.#tokens;
  }

  /** True when the bucket has refilled completely (it then says nothing a new one would not). */
  full(now: number): boolean {
    return this.available(now) >= this.#burst;
  }
}
