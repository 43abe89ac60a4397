import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyCommand,
  digestOf,
  ecrRepository,
  loginSteps,
  promotionPlan,
  reference,
  testedTag,
} from './promote-plan.ts';
import { parseImageRecord } from './mark-tested.ts';
import { manifestDigest, markTested, promote } from './registry.ts';
import { ociImage, pushLayout, startRegistry, type TestRegistry } from './test-registry.ts';

const R1 = '1'.repeat(40);
const R2 = '2'.repeat(40);
const R3 = '3'.repeat(40);
const insecure = { tlsVerify: false };

describe('promotion by digest, between two real registries', () => {
  let stagingRegistry: TestRegistry;
  let productionRegistry: TestRegistry;
  let staging: string;
  let production: string;
  const layouts: string[] = [];
  const image = (seed: string) => {
    const built = ociImage(seed);
    layouts.push(built.layout);
    return built;
  };

  beforeAll(async () => {
    [stagingRegistry, productionRegistry] = await Promise.all([startRegistry(), startRegistry()]);
    staging = `${stagingRegistry.host}/tengen-staging`;
    production = `${productionRegistry.host}/tengen-production`;
  });
  afterAll(async () => {
    await Promise.all([stagingRegistry?.stop(), productionRegistry?.stop()]);
    for (const layout of layouts) rmSync(layout, { recursive: true, force: true });
  });

  it('records the digest staging pushed, refuses to release it before staging passed, then promotes exactly it', () => {
    const built = image('release one');
    pushLayout(built.layout, 'image', `${staging}:${R1}`);
    // What image:deploy records after its push: the digest the registry serves for the tag.
    const pushed = manifestDigest(`${staging}:${R1}`, insecure);
    expect(pushed).toBe(built.digest);
    const record = {
      stage: 'staging' as const,
      repository: staging,
      revision: R1,
      digest: pushed!,
    };

    // Not yet tested: production has nothing to take.
    expect(() => promote({ source: staging, target: production, revision: R1 }, insecure)).toThrow(
      /tested-1{40} does not exist: staging has not passed revision/,
    );
    expect(manifestDigest(`${production}:${R1}`, insecure)).toBeUndefined();

    markTested(record, insecure);
    expect(manifestDigest(`${staging}:${testedTag(R1)}`, insecure)).toBe(built.digest);

    const promoted = promote({ source: staging, target: production, revision: R1 }, insecure);
    expect(promoted).toBe(built.digest);
    expect(manifestDigest(`${production}:${R1}`, insecure)).toBe(built.digest);
  });

  it('copies every platform of the index, so each platform pulls by its own digest from production', async () => {
    const raw = await (
      await fetch(`http://${productionRegistry.host}/v2/tengen-production/manifests/${R1}`, {
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
      })
    ).arrayBuffer();
    expect(digestOf(new Uint8Array(raw))).toBe(manifestDigest(`${staging}:${R1}`, insecure));
    const index = JSON.parse(Buffer.from(raw).toString()) as {
      manifests: { digest: string; platform: { architecture: string } }[];
    };
    expect(index.manifests.map((m) => m.platform.architecture)).toEqual(['amd64', 'arm64']);
    for (const platform of index.manifests) {
      expect(manifestDigest(`${production}@${platform.digest}`, insecure)).toBe(platform.digest);
    }
  });

  it('is idempotent: promoting the same revision again changes nothing', () => {
    const before = manifestDigest(`${production}:${R1}`, insecure);
    expect(promote({ source: staging, target: production, revision: R1 }, insecure)).toBe(before);
    expect(manifestDigest(`${production}:${R1}`, insecure)).toBe(before);
  });

  it('never deploys a rebuild: a production tag naming another digest is refused', () => {
    const tested = image('release two');
    pushLayout(tested.layout, 'image', `${staging}:${R2}`);
    markTested(
      { stage: 'staging', repository: staging, revision: R2, digest: tested.digest },
      insecure,
    );
    // Someone built the same revision again and pushed it straight to production.
    const rebuild = image('release two, rebuilt');
    pushLayout(rebuild.layout, 'image', `${production}:${R2}`);
    expect(rebuild.digest).not.toBe(tested.digest);
    expect(() => promote({ source: staging, target: production, revision: R2 }, insecure)).toThrow(
      /already names sha256:[0-9a-f]{64}, not sha256:[0-9a-f]{64}: refusing to move a tag/,
    );
    expect(manifestDigest(`${production}:${R2}`, insecure)).toBe(rebuild.digest);
  });

  it('marks as tested only the digest staging deployed, and never moves a tested tag', () => {
    const deployed = image('release three');
    const other = image('release three, other');
    pushLayout(deployed.layout, 'image', `${staging}:${R3}`);
    const record = {
      stage: 'staging' as const,
      repository: staging,
      revision: R3,
      digest: other.digest,
    };
    expect(() => markTested(record, insecure)).toThrow(/but staging deployed/);
    expect(manifestDigest(`${staging}:${testedTag(R3)}`, insecure)).toBeUndefined();
    markTested({ ...record, digest: deployed.digest }, insecure);
    // The revision tag is overwritten in a mutable registry (ECR's are immutable): the tested tag stays.
    pushLayout(other.layout, 'image', `${staging}:${R3}`);
    expect(() => markTested({ ...record, digest: other.digest }, insecure)).toThrow(
      /refusing to move a tag/,
    );
    expect(manifestDigest(`${staging}:${testedTag(R3)}`, insecure)).toBe(deployed.digest);
  });

  it('fails loudly when the registry cannot be reached (not as "not tested")', () => {
    expect(() => manifestDigest('127.0.0.1:1/none:tag', insecure)).toThrow(/skopeo inspect/);
  });
});

describe('promotion plan', () => {
  const source = '111122223333.dkr.ecr.eu-west-1.amazonaws.com/tengen-staging';
  const target = '444455556666.dkr.ecr.us-east-1.amazonaws.com/tengen-production';

  it('logs in to both registries with a token of each region, then looks up, copies and checks', () => {
    const plan = promotionPlan({ source, target, revision: R1 });
    expect(plan.map((s) => s.command.slice(0, 3).join(' '))).toEqual([
      'skopeo login --username',
      'skopeo login --username',
      'skopeo inspect --raw',
      'skopeo copy --all',
      'skopeo inspect --raw',
    ]);
    expect(plan[0]?.stdinFrom).toEqual([
      'aws',
      'ecr',
      'get-login-password',
      '--region',
      'eu-west-1',
    ]);
    expect(plan[1]?.stdinFrom).toEqual([
      'aws',
      'ecr',
      'get-login-password',
      '--region',
      'us-east-1',
    ]);
    expect(plan[2]?.command.at(-1)).toBe(`docker://${source}:tested-${R1}`);
    expect(plan[3]?.command).toEqual(copyCommand(`${source}@<tested digest>`, `${target}:${R1}`));
    expect(loginSteps([source, `${source.split('/')[0]}/other`])).toHaveLength(1);
  });

  it('copies with digests preserved and every platform, verifying TLS unless told otherwise', () => {
    expect(copyCommand('a@sha256:x', 'b:t')).toEqual([
      'skopeo',
      'copy',
      '--all',
      '--preserve-digests',
      'docker://a@sha256:x',
      'docker://b:t',
    ]);
    expect(copyCommand('a', 'b', false)).toContain('--dest-tls-verify=false');
  });

  it('validates revisions, digests, tags and repository URIs', () => {
    expect(() => testedTag('abc')).toThrow(/not a git sha/);
    expect(() => reference('r', { digest: 'sha256:abc' })).toThrow(/not a sha256 digest/);
    expect(() => reference('r', { tag: 'a b' })).toThrow(/bad tag/);
    expect(ecrRepository(source, 'PROMOTE_FROM')).toBe(source);
    expect(() => ecrRepository(undefined, 'PROMOTE_FROM')).toThrow(/PROMOTE_FROM "" is not an ECR/);
    expect(() => ecrRepository('docker.io/library/node', 'PROMOTE_FROM')).toThrow(/not an ECR/);
  });

  it('reads only a whole staging record before marking anything tested', () => {
    const record = {
      stage: 'staging',
      repository: source,
      revision: R1,
      digest: `sha256:${'a'.repeat(64)}`,
    };
    expect(parseImageRecord(record)).toEqual(record);
    for (const bad of [
      { ...record, stage: 'production' },
      { ...record, digest: 'sha256:short' },
      { ...record, revision: 'main' },
      { ...record, repository: 1 },
      null,
    ]) {
      expect(() => parseImageRecord(bad)).toThrow(/not a staging image record/);
    }
  });
});
