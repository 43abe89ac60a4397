// RDS IAM database authentication for PostgreSQL: instead of a stored password, each new connection
// presents a token signed with the pod's AWS identity (EKS Pod Identity). The token is a SigV4
// presigned URL valid for 15 minutes; it is reused for 10 of them, so a pool opening many
// connections signs once, and a connection is never opened with a token about to expire.
import { Signer } from '@aws-sdk/rds-signer';

/** Lifetime RDS gives an IAM auth token (`X-Amz-Expires`), in ms. */
export const IAM_TOKEN_LIFETIME_MS = 15 * 60_000;
/** How long one token is handed out before a new one is signed, in ms (5 minutes to spare). */
export const IAM_TOKEN_REUSE_MS = 10 * 60_000;
/** PostgreSQL's port when the URL names none. */
const DEFAULT_PG_PORT = 5432;

/** Options of `pgIamPassword`. */
export interface PgIamPasswordOptions {
  /** AWS region of the database (`AWS_REGION`). */
  region: string;
  /** Credentials to sign with; default: the AWS SDK's chain (Pod Identity in EKS). */
  credentials?: ConstructorParameters<typeof Signer>[0]['credentials'];
  /** Clock in ms, for tests; default `Date.now`. */
  now?: () => number;
}

/** Thrown when the URL cannot be used with IAM authentication; the message says why. */
export class PgIamUrlError extends Error {
  override name = 'PgIamUrlError';
}

/** Host, port and user of a `postgres://user@host[:port]/db` URL, refusing what IAM cannot use. */
export function iamTarget(url: URL): { hostname: string; port: number; username: string } {
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new PgIamUrlError(`IAM authentication needs a postgres:// URL, got ${url.protocol}//`);
  if (url.password !== '')
    throw new PgIamUrlError('IAM authentication signs a token per connection: remove the password');
  if (url.username === '' || url.hostname === '')
    throw new PgIamUrlError('IAM authentication needs the database user and host in the URL');
  return {
    hostname: url.hostname,
    port: url.port === '' ? DEFAULT_PG_PORT : Number(url.port),
    username: decodeURIComponent(url.username),
  };
}

/**
 * The `password` of a `pg` pool for a database with IAM authentication: a function that returns an
 * RDS auth token for the URL's host, port and user, signed afresh every `IAM_TOKEN_REUSE_MS`.
 * Concurrent callers share one signing; a failed signing is not kept.
 */
export function pgIamPassword(url: URL, options: PgIamPasswordOptions): () => Promise<string> {
  const signer = new Signer({
    ...iamTarget(url),
    region: options.region,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const now = options.now ?? Date.now;
  let cached: { token: Promise<string>; signedAt: number } | undefined;
  return () => {
    const at = now();
    if (cached && at - cached.signedAt < IAM_TOKEN_REUSE_MS) return cached.token;
    const token = signer.getAuthToken();
    const entry = { token, signedAt: at };
    cached = entry;
    token.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return token;
  };
}
