import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dir = mkdtempSync(join(tmpdir(), 'server-config-dbauth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const iamUrl = 'postgres://tengen@db.cluster-abc.eu-west-1.rds.amazonaws.com:5432/tengen';

describe('loadConfig: DATABASE_AUTH and AWS_REGION', () => {
  it('uses the password in the URL by default, and needs no region', () => {
    const c = loadConfig({}, dir);
    expect(c.databaseAuth).toBe('password');
    expect(c.awsRegion).toBeUndefined();
  });

  it('accepts iam with a postgres URL without a password and a region', () => {
    const c = loadConfig(
      {
        DATABASE_AUTH: 'iam',
        DATABASE_URL: iamUrl,
        AWS_REGION: 'eu-west-1',
        DATABASE_TLS: 'verify-full',
      },
      dir,
    );
    expect(c.databaseAuth).toBe('iam');
    expect(c.awsRegion).toBe('eu-west-1');
  });

  it.each([
    [{ DATABASE_AUTH: 'kerberos' }, /invalid DATABASE_AUTH="kerberos"/],
    [{ DATABASE_AUTH: 'iam', AWS_REGION: 'eu-west-1' }, /DATABASE_AUTH="iam": needs DATABASE_URL/],
    [
      { DATABASE_AUTH: 'iam', AWS_REGION: 'eu-west-1', DATABASE_URL: 'sqlite:./data/x.db' },
      /invalid DATABASE_URL="sqlite:\.\/data\/x\.db": expected postgres:\/\//,
    ],
    [
      {
        DATABASE_AUTH: 'iam',
        AWS_REGION: 'eu-west-1',
        DATABASE_URL: 'postgres://tengen:hunter2@db:5432/tengen',
      },
      /DATABASE_URL must carry no password/,
    ],
    [
      { DATABASE_AUTH: 'iam', AWS_REGION: 'eu-west-1', DATABASE_URL: 'postgres://db:5432/x' },
      /needs DATABASE_URL=postgres:\/\/user@host/,
    ],
    [{ DATABASE_AUTH: 'iam', DATABASE_URL: iamUrl }, /invalid AWS_REGION="": required with/],
    [{ AWS_REGION: 'Ireland' }, /invalid AWS_REGION="Ireland": expected an AWS region/],
  ])('refuses %j with one clear line', (env, message) => {
    expect(() => loadConfig(env, dir)).toThrow(ConfigError);
    expect(() => loadConfig(env, dir)).toThrow(message);
  });

  it('never prints the password of a refused URL', () => {
    const env = {
      DATABASE_AUTH: 'iam',
      AWS_REGION: 'eu-west-1',
      DATABASE_URL: 'postgres://tengen:hunter2@db:5432/tengen',
    };
    expect(() => loadConfig(env, dir)).toThrow(/^(?!.*hunter2)/s);
  });
});
