import { errors } from '../drizzle.ts';

const { DrizzleQueryError } = errors;

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

// Node's certificate checks (OpenSSL's X509_V_ERR_* names, and the host name check) and TLS
// handshake failures.
const TLS_CODES =
  /^(UNABLE_TO_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_|ERR_TLS_|ERR_SSL_)/;
const NO_TLS_MESSAGE = /does not support SSL connections/;

/**
 * A TLS failure in words an operator acts on (which side to fix), or undefined for any other error.
 * These refuse the connection: like an outage, the write is kept and retried.
 */
function tlsProblem(err: { code?: unknown; message?: unknown }): string | undefined {
  const code = typeof err.code === 'string' ? err.code : '';
  const message = String(err.message ?? '');
  if (code === '' && NO_TLS_MESSAGE.test(message))
    return 'TLS is required here but the server does not offer it (ssl=off on the server)';
  // 28000 invalid_authorization_specification: pg_hba.conf has `hostssl` lines only.
  if (code === '28000' && /no encryption/.test(message))
    return `the server accepts only TLS connections (${message}): turn TLS on`;
  if (!TLS_CODES.test(code)) return undefined;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return `TLS: the server's certificate does not name this host (${message})`;
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))
    return `TLS handshake failed: ${message} (${code})`;
  return `TLS: the server's certificate is not trusted: ${message} (${code}; check the CA certificates)`;
}

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
  const tls = cause instanceof Error ? tlsProblem(cause) : undefined;
  if (tls) return new DatabaseUnavailableError(`PostgreSQL at ${where}: ${tls}`, { cause });
  if (cause instanceof Error && isUnavailable(cause)) {
    const code = (cause as { code?: unknown }).code;
    const detail = cause.message || (typeof code === 'string' ? code : 'no answer');
    return new DatabaseUnavailableError(`PostgreSQL at ${where} is unavailable: ${detail}`, {
      cause,
    });
  }
  return cause;
}
