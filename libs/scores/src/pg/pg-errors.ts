import { DrizzleQueryError } from 'drizzle-orm/errors';

/**
 * PostgreSQL cannot be reached or cannot take writes right now (refused or broken connection,
 * server shutting down or starting, out of disk or connections, a read-only standby after a
 * failover). It may clear up without a code change: callers keep the write and retry later. The
 * message never holds the password.
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  readonly code = 'DATABASE_UNAVAILABLE';
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

// node-postgres reports a lost or timed-out connection with these messages and no code.
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed|Cannot use a pool after calling end/;

/** SQLSTATEs (and socket errors) that mean "the database is unavailable", not "this query is wrong". */
function isUnavailable(err: { code?: unknown; message?: unknown }): boolean {
  const code = typeof err.code === 'string' ? err.code : '';
  if (NETWORK_CODES.has(code)) return true;
  // 08: connection exception; 53: insufficient resources (disk full, too many connections);
  // 57P: admin/crash shutdown, cannot connect now; 58: system I/O error; 25006: read-only standby.
  if (/^(08|53|57P|58)/.test(code) || code === '25006') return true;
  return code === '' && CONNECTION_MESSAGES.test(String(err.message ?? ''));
}

/** Serialization failures and deadlocks: the transaction may simply be run again. */
export function isPgRetryable(err: unknown): boolean {
  const cause = err instanceof DrizzleQueryError ? err.cause : err;
  const code = (cause as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

/**
 * A failed PostgreSQL call as the store reports it: Drizzle's wrapper (whose message lists every
 * parameter, replays and key hashes included) is dropped for the driver's error, and an
 * unavailable database becomes a `DatabaseUnavailableError` naming `where` (a redacted URL).
 */
export function pgFailure(err: unknown, where: string): unknown {
  const cause = err instanceof DrizzleQueryError && err.cause ? err.cause : err;
  if (cause instanceof DatabaseUnavailableError) return cause;
  if (cause instanceof Error && isUnavailable(cause)) {
    const code = (cause as { code?: unknown }).code;
    const detail = cause.message || (typeof code === 'string' ? code : 'no answer');
    return new DatabaseUnavailableError(`PostgreSQL at ${where} is unavailable: ${detail}`, {
      cause,
    });
  }
  return cause;
}
