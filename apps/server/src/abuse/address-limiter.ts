import { TokenBucket } from '../game/token-bucket.ts';

/**
 * One token bucket per client address (`ratePerMinute` sustained, `burst` at once). Buckets that
 * have refilled completely are forgotten, so memory follows the addresses active in the last few
 * minutes, not every address ever seen.
 */
export class AddressLimiter {
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #rate: number;
  readonly #burst: number;
  #sweptAt = 0;

  constructor(ratePerMinute: number, burst: number) {
    this.#rate = ratePerMinute / 60;
    this.#burst = burst;
  }

  /** Spends one attempt for `address`; false when its bucket is empty (refuse the attempt). */
  take(address: string, now: number): boolean {
    this.#sweep(now);
    let bucket = this.#buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(this.#rate, this.#burst, now);
      this.#buckets.set(address, bucket);
    }
    return bucket.take(now);
  }

  /** True when `address` could spend one attempt now (nothing is spent). */
  allows(address: string, now: number): boolean {
    return (this.#buckets.get(address)?.available(now) ?? this.#burst) >= 1;
  }

  /** Addresses currently tracked (for tests and metrics). */
  get size(): number {
    return this.#buckets.size;
  }

  /** At most once a minute, drops the buckets that are full again. */
  #sweep(now: number): void {
    if (now - this.#sweptAt < 60_000) return;
    this.#sweptAt = now;
    for (const [address, bucket] of this.#buckets)
      if (bucket.full(now)) this.#buckets.delete(address);
  }
}
