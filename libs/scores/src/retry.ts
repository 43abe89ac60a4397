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
  /** Which errors are worth another attempt (default: SQLite's busy and locked). */
  retryable?: (err: unknown) => boolean;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `op` until it succeeds, retrying only SQLITE_BUSY/LOCKED (another replica holds the lock;
 * or what `retryable` names)
 * with exponential backoff and jitter. Any other error, or the last busy error, is thrown to the
 * caller unchanged: nothing is swallowed.
 */
export async function withRetry<T>(op: () => T | Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 8;
  const base = opts.baseDelayMs ?? 20;
  const max = opts.maxDelayMs ?? 1_000;
  const sleep = opts.sleep ?? realSleep;
  const retryable = opts.retryable ?? isBusy;
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (!retryable(err) || attempt >= attempts) throw err;
      const delay = Math.min(max, base * 2 ** (attempt - 1));
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}

/**
 * True for SQLite errors that mean "the database cannot be written right now" and may clear up
 * without a code change: read-only file or folder (SQLITE_READONLY*, SQLITE_CANTOPEN*, SQLITE_PERM),
 * full disk (SQLITE_FULL), I/O errors (SQLITE_IOERR*: e.g. an immutable file) and locks that
 * outlasted `withRetry`; and PostgreSQL out of reach (`DatabaseUnavailableError`). A caller may keep
 * the write and try again later.
 */
export function isStorageUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    isBusy(err) ||
    code === 'DATABASE_UNAVAILABLE' ||
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_PERM' ||
    ['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_IOERR'].some(
      (c) => code === c || code.startsWith(`${c}_`),
    )
  );
}
