// The TLS part of the database settings, checked together once the variables have parsed
// (config.ts parses them): which CAs `DATABASE_TLS=verify-full` trusts, read and checked at
// start-up, and the combinations that are refused.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  parsePemCertificates,
  PG_TLS_MODES,
  RDS_CA_CERTIFICATES,
  type PgTls,
} from '@tengen/scores';

/** The `ssl*` query parameters libpq and node-postgres read from a URL; TLS comes from `DATABASE_TLS`. */
export const URL_TLS_PARAMS = [
  'ssl',
  'sslmode',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'sslnegotiation',
];

/** The URL's first TLS parameter, if it has one (refused: `DATABASE_TLS` says how, once). */
export function urlTlsParam(url: string): string | undefined {
  const u = URL.parse(url);
  return u ? URL_TLS_PARAMS.find((p) => u.searchParams.has(p)) : undefined;
}

/** The parsed variables the TLS settings depend on. */
export interface DatabaseTlsInput {
  DATABASE_TLS: (typeof PG_TLS_MODES)[number];
  DATABASE_CA_FILE?: string | undefined;
  DATABASE_URL?: string | undefined;
  DATABASE_AUTH: string;
}

/** The TLS settings, or an error line naming the variable. */
export type DatabaseTlsResult =
  { ok: true; tls: PgTls; caFile: string | undefined } | { ok: false; error: string };

/**
 * `DATABASE_TLS` and `DATABASE_CA_FILE` as the pool's TLS settings: `verify-full` trusts the
 * certificates of `DATABASE_CA_FILE` (read and parsed now), else the Amazon RDS CAs shipped with
 * the server. IAM authentication is refused without verified TLS.
 */
export function databaseTls(c: DatabaseTlsInput, cwd: string): DatabaseTlsResult {
  const fail = (error: string): DatabaseTlsResult => ({ ok: false, error });
  if (c.DATABASE_TLS === 'off') {
    if (c.DATABASE_AUTH === 'iam')
      return fail(
        'invalid DATABASE_TLS="off": DATABASE_AUTH=iam needs DATABASE_TLS=verify-full (RDS takes IAM tokens over TLS only, and a token must not cross the network in clear)',
      );
    if (c.DATABASE_CA_FILE !== undefined)
      return fail(
        `invalid DATABASE_CA_FILE=${JSON.stringify(c.DATABASE_CA_FILE)}: only read with DATABASE_TLS=verify-full`,
      );
    return { ok: true, tls: { mode: 'off' }, caFile: undefined };
  }
  if (c.DATABASE_URL === undefined)
    return fail(
      'invalid DATABASE_TLS="verify-full": needs DATABASE_URL (TLS is for PostgreSQL; SQLite is a local file)',
    );
  if (c.DATABASE_CA_FILE === undefined)
    return { ok: true, tls: { mode: 'verify-full', ca: RDS_CA_CERTIFICATES }, caFile: undefined };
  const caFile = resolve(cwd, c.DATABASE_CA_FILE);
  let text: string;
  try {
    text = readFileSync(caFile, 'utf8');
  } catch (err) {
    return fail(
      `invalid DATABASE_CA_FILE=${JSON.stringify(c.DATABASE_CA_FILE)}: cannot read it (${(err as Error).message})`,
    );
  }
  try {
    return { ok: true, tls: { mode: 'verify-full', ca: parsePemCertificates(text) }, caFile };
  } catch (err) {
    return fail(
      `invalid DATABASE_CA_FILE=${JSON.stringify(c.DATABASE_CA_FILE)}: ${(err as Error).message}`,
    );
  }
}
