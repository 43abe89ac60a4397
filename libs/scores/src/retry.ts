import { isBusy } from './migrate.ts';

/** Backoff settings for `withRetry`. */
export interface RetryOptions {
  /** Attempts in all (first try included). */
  attempts?: number;
  /** Delay before the second attempt; doubles each time, with jitter. */
  baseDelayMs?: number;
  /** Upper bound for one delay. */
  maxDelayMs?: number;
  /** Waits between attempts; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `op` until it succeeds, retrying only SQLITE_BUSY/LOCKED (another replica holds the lock)
 * with exponential backoff and jitter. Any other error, or the last busy error, is thrown to the
 * caller unchanged: nothing is swallowed.
 */
export async function withRetry<T>(op: () => T, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 8;
  const base = opts.baseDelayMs ?? 20;
  const max = opts.maxDelayMs ?? 1_000;
  const sleep = opts.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return op();
    } catch (err) {
      if (!isBusy(err) || attempt >= attempts) throw err;
      const delay = Math.min(max, base * 2 ** (attempt - 1));
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}
