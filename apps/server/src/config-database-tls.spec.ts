import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RDS_CA_CERTIFICATES } from '@tengen/scores';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dir = mkdtempSync(join(tmpdir(), 'server-config-dbtls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const url = 'postgres://tengen:pw@db.internal:5432/tengen';
const iam = {
  DATABASE_AUTH: 'iam',
  DATABASE_URL: 'postgres://tengen@db.cluster-abc.eu-west-1.rds.amazonaws.com:5432/tengen',
  AWS_REGION: 'eu-west-1',
};
const two = `${RDS_CA_CERTIFICATES[0]}\n${RDS_CA_CERTIFICATES[1]}\n`;
writeFileSync(join(dir, 'ca.pem'), two);
writeFileSync(join(dir, 'empty.pem'), '');
writeFileSync(
  join(dir, 'broken.pem'),
  `${RDS_CA_CERTIFICATES[0]}\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`,
);

describe('loadConfig: DATABASE_TLS and DATABASE_CA_FILE', () => {
  it('is off by default', () => {
    expect(loadConfig({ DATABASE_URL: url }, dir).databaseTls).toEqual({ mode: 'off' });
    expect(loadConfig({}, dir).databaseTls).toEqual({ mode: 'off' });
  });

  it('verify-full trusts the Amazon RDS CAs, or exactly the CA file (a relative path from cwd)', () => {
    const rds = loadConfig({ DATABASE_URL: url, DATABASE_TLS: 'verify-full' }, dir);
    expect(rds.databaseTls).toEqual({ mode: 'verify-full', ca: RDS_CA_CERTIFICATES });
    expect(rds.databaseCaFile).toBeUndefined();
    const file = loadConfig(
      { DATABASE_URL: url, DATABASE_TLS: 'verify-full', DATABASE_CA_FILE: 'ca.pem' },
      dir,
    );
    expect(file.databaseTls).toEqual({
      mode: 'verify-full',
      ca: [RDS_CA_CERTIFICATES[0]!.trim(), RDS_CA_CERTIFICATES[1]!.trim()],
    });
    expect(file.databaseCaFile).toBe(join(dir, 'ca.pem'));
  });

  it('accepts IAM authentication with verify-full', () => {
    expect(loadConfig({ ...iam, DATABASE_TLS: 'verify-full' }, dir).databaseAuth).toBe('iam');
  });

  it.each([
    [{ DATABASE_URL: url, DATABASE_TLS: 'require' }, /^invalid DATABASE_TLS="require": /],
    [
      { ...iam },
      /^invalid DATABASE_TLS="off": DATABASE_AUTH=iam needs DATABASE_TLS=verify-full \(RDS takes IAM tokens over TLS only/,
    ],
    [{ ...iam, DATABASE_TLS: 'off' }, /^invalid DATABASE_TLS="off": DATABASE_AUTH=iam needs/],
    [
      { DATABASE_TLS: 'verify-full' },
      /^invalid DATABASE_TLS="verify-full": needs DATABASE_URL \(TLS is for PostgreSQL/,
    ],
    [
      { DATABASE_URL: url, DATABASE_CA_FILE: 'ca.pem' },
      /^invalid DATABASE_CA_FILE="ca\.pem": only read with DATABASE_TLS=verify-full$/,
    ],
    [
      { DATABASE_URL: url, DATABASE_TLS: 'verify-full', DATABASE_CA_FILE: 'nope.pem' },
      /^invalid DATABASE_CA_FILE="nope\.pem": cannot read it \(ENOENT/,
    ],
    [
      { DATABASE_URL: url, DATABASE_TLS: 'verify-full', DATABASE_CA_FILE: 'empty.pem' },
      /^invalid DATABASE_CA_FILE="empty\.pem": holds no PEM certificate/,
    ],
    [
      { DATABASE_URL: url, DATABASE_TLS: 'verify-full', DATABASE_CA_FILE: 'broken.pem' },
      /^invalid DATABASE_CA_FILE="broken\.pem": certificate 2 of 2 does not parse/,
    ],
  ])('refuses %j with one clear line', (env, message) => {
    expect(() => loadConfig(env, dir)).toThrow(ConfigError);
    expect(() => loadConfig(env, dir)).toThrow(message);
  });

  it.each(['sslmode=verify-full', 'sslrootcert=/etc/rds.pem', 'ssl=true', 'sslmode=disable'])(
    'refuses TLS in the URL (%s): DATABASE_TLS says it, and the password stays hidden',
    (param) => {
      const env = { DATABASE_URL: `postgres://tengen:hunter2@db:5432/tengen?${param}` };
      expect(() => loadConfig(env, dir)).toThrow(
        /^invalid DATABASE_URL="postgres:\/\/tengen:\*\*\*@db:5432\/tengen\?.+": TLS is not read from the URL \(ssl, sslmode, .*\): set DATABASE_TLS=off\|verify-full and DATABASE_CA_FILE instead$/,
      );
    },
  );
});
