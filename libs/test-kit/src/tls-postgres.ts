import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type TestPostgres } from './postgres-server.ts';
import { makeTestCa, type TestCa } from './test-ca.ts';

/** A TLS-only PostgreSQL, the CA that signed its certificate, and a CA that did not. */
export interface TlsPostgres {
  db: TestPostgres;
  ca: TestCa;
  otherCa: TestCa;
  /** PEM files of `ca` and `otherCa` (what `DATABASE_CA_FILE` names). */
  caFile: string;
  otherCaFile: string;
  /** Stops the server and deletes the CAs and files. */
  stop(): Promise<void>;
}

/** Only TLS connections, with passwords (SCRAM): how Aurora is set up (`rds.force_ssl=1`). */
export const HOSTSSL_ONLY = ['hostssl all all 127.0.0.1/32 scram-sha-256'];

/**
 * Starts PostgreSQL with `ssl=on`, a certificate for `IP:127.0.0.1` from a fresh test CA and the
 * `pg_hba` lines `hba` (default: TLS only), and writes both CAs to PEM files.
 */
export async function startTlsPostgres(hba: string[] = HOSTSSL_ONLY): Promise<TlsPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'tengen-tls-pg-'));
  const [ca, otherCa] = await Promise.all([makeTestCa(), makeTestCa('Somebody Else CA')]);
  const caFile = join(dir, 'ca.pem');
  const otherCaFile = join(dir, 'other-ca.pem');
  writeFileSync(caFile, ca.cert);
  writeFileSync(otherCaFile, otherCa.cert);
  const db = await startPostgres({ tls: await ca.issue(['IP:127.0.0.1']), hba });
  return {
    db,
    ca,
    otherCa,
    caFile,
    otherCaFile,
    async stop() {
      await db.stop();
      ca.remove();
      otherCa.remove();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
