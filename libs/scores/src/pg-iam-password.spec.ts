import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  IAM_TOKEN_LIFETIME_MS,
  IAM_TOKEN_REUSE_MS,
  iamTarget,
  pgIamPassword,
  PgIamUrlError,
} from './pg-iam-password.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const url = new URL('postgres://tengen@db.cluster-abc.eu-west-1.rds.amazonaws.com:5432/tengen');

/** Static credentials, counting how often the signer asks for them (once per token). */
function countingCredentials() {
  let calls = 0;
  const provider = async () => {
    calls += 1;
    return { accessKeyId: `AKIDEXAMPLE${calls}`, secretAccessKey: SECRET };
  };
  return { provider, calls: () => calls };
}

const hmac = (key: string | Buffer, data: string) =>
  createHmac('sha256', key).update(data).digest();
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * Recomputes the SigV4 query signature RDS checks, with node:crypto alone: the token is accepted
 * only if this matches (AWS "Authenticating Requests: Using Query Parameters").
 */
function expectedSignature(token: string, secret: string): string {
  const parsed = new URL(`https://${token}`);
  const q = parsed.searchParams;
  const canonicalQuery = [...q.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join('&');
  const canonicalRequest = [
    'GET',
    '/',
    canonicalQuery,
    `host:${parsed.host}\n`,
    'host',
    createHash('sha256').update('').digest('hex'),
  ].join('\n');
  const date = q.get('X-Amz-Date') ?? '';
  const scope = (q.get('X-Amz-Credential') ?? '').split('/').slice(1).join('/');
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    date,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const [day, region, service] = scope.split('/') as [string, string, string];
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

describe('pgIamPassword', () => {
  it('signs a 15-minute connect token for the URL host, port and user', async () => {
    const password = pgIamPassword(url, {
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
    });
    const token = await password();
    expect(token.startsWith('db.cluster-abc.eu-west-1.rds.amazonaws.com:5432/?')).toBe(true);
    const q = new URL(`https://${token}`).searchParams;
    expect(q.get('Action')).toBe('connect');
    expect(q.get('DBUser')).toBe('tengen');
    expect(q.get('X-Amz-Expires')).toBe(String(IAM_TOKEN_LIFETIME_MS / 1000));
    expect(q.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(q.get('X-Amz-SignedHeaders')).toBe('host');
    expect(q.get('X-Amz-Credential')).toMatch(
      /^AKIDEXAMPLE\/\d{8}\/eu-west-1\/rds-db\/aws4_request$/,
    );
    expect(q.get('X-Amz-Signature')).toBe(expectedSignature(token, SECRET));
    expect(expectedSignature(token, `${SECRET}x`)).not.toBe(q.get('X-Amz-Signature'));
  });

  it('takes the default port and a percent-encoded user', async () => {
    const password = pgIamPassword(new URL('postgresql://app%2Dus@db.internal/x'), {
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
    });
    const token = await password();
    expect(token.startsWith('db.internal:5432/?')).toBe(true);
    expect(new URL(`https://${token}`).searchParams.get('DBUser')).toBe('app-us');
  });

  it('reuses a token within the cache window and signs a new one after it', async () => {
    let clock = 1_000_000;
    const credentials = countingCredentials();
    const password = pgIamPassword(url, {
      region: 'eu-west-1',
      credentials: credentials.provider,
      now: () => clock,
    });
    const first = await password();
    clock += IAM_TOKEN_REUSE_MS - 1;
    expect(await password()).toBe(first);
    expect(credentials.calls()).toBe(1);
    clock += 1;
    const second = await password();
    expect(credentials.calls()).toBe(2);
    expect(second).not.toBe(first);
    expect(second).toContain('AKIDEXAMPLE2');
    expect(await password()).toBe(second);
  });

  it('shares one signing between concurrent connections', async () => {
    const credentials = countingCredentials();
    const password = pgIamPassword(url, { region: 'eu-west-1', credentials: credentials.provider });
    const tokens = await Promise.all([password(), password(), password()]);
    expect(new Set(tokens).size).toBe(1);
    expect(credentials.calls()).toBe(1);
  });

  it('does not keep a failed signing: the next connection tries again', async () => {
    let fail = true;
    const password = pgIamPassword(url, {
      region: 'eu-west-1',
      credentials: async () => {
        if (fail) throw new Error('no credentials yet');
        return { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET };
      },
    });
    await expect(password()).rejects.toThrow('no credentials yet');
    fail = false;
    expect(await password()).toContain('Action=connect');
  });
});

describe('iamTarget', () => {
  it('refuses a URL with a password, without a user, or of another scheme', () => {
    expect(() => iamTarget(new URL('postgres://tengen:secret@db:5432/x'))).toThrow(PgIamUrlError);
    expect(() => iamTarget(new URL('postgres://tengen:secret@db:5432/x'))).toThrow(
      /remove the password/,
    );
    expect(() => iamTarget(new URL('postgres://db:5432/x'))).toThrow(/user and host/);
    expect(() => iamTarget(new URL('mysql://tengen@db:3306/x'))).toThrow(/postgres:\/\//);
  });
});
