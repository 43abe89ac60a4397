import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate and its private key, PEM. */
export interface CertAndKey {
  cert: string;
  key: string;
}

/** A throwaway certificate authority made with the real `openssl` command, in a temp folder. */
export interface TestCa {
  /** The CA's own certificate (what a client trusts), PEM. */
  cert: string;
  /** Issues a server certificate for `altNames` (`IP:127.0.0.1`, `DNS:db.example.test`). */
  issue(altNames: string[]): Promise<CertAndKey>;
  /** Deletes the folder (keys included). */
  remove(): void;
}

let serial = 0;

/**
 * Creates a CA (P-256 key, `CA:TRUE`, valid two days) with `openssl req -x509`; its server
 * certificates carry `serverAuth` and the given subject alternative names, as a database's would.
 */
export async function makeTestCa(name = 'Tengen Test CA'): Promise<TestCa> {
  const dir = mkdtempSync(join(tmpdir(), 'tengen-ca-'));
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const caKey = join(dir, 'ca.key');
  const caCert = join(dir, 'ca.crt');
  await run('openssl', [
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    caKey,
    '-out',
    caCert,
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return {
    cert: readFileSync(caCert, 'utf8'),
    async issue(altNames) {
      const n = ++serial;
      const key = join(dir, `server${n}.key`);
      const csr = join(dir, `server${n}.csr`);
      const cert = join(dir, `server${n}.crt`);
      const ext = join(dir, `server${n}.ext`);
      writeFileSync(
        ext,
        [
          'basicConstraints=critical,CA:FALSE',
          'keyUsage=critical,digitalSignature',
          'extendedKeyUsage=serverAuth',
          `subjectAltName=${altNames.join(',')}`,
        ].join('\n'),
      );
      await run('openssl', ['req', ...ecKey, '-keyout', key, '-out', csr, '-subj', '/CN=db']);
      await run('openssl', [
        'x509',
        '-req',
        '-in',
        csr,
        '-CA',
        caCert,
        '-CAkey',
        caKey,
        '-set_serial',
        String(1000 + n),
        '-days',
        '2',
        '-extfile',
        ext,
        '-out',
        cert,
      ]);
      return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
