import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlan, type StackOutputs } from './deploy-plan.ts';
import { imageDigestFrom, readImageDigest } from './image-record.ts';

const revision = 'c'.repeat(40);
const digest = `sha256:${'d'.repeat(64)}`;
const outputs: StackOutputs = {
  ClusterName: 'tengen-production',
  Region: 'us-east-1',
  Namespace: 'tengen',
  ReleaseName: 'tengen-tetris',
  ChartValues: JSON.stringify({
    image: { repository: '444455556666.dkr.ecr.us-east-1.amazonaws.com/tengen-production' },
    ingress: { host: 'play.example.org' },
  }),
};
const input = {
  stage: 'production' as const,
  outputs,
  imageTag: revision,
  imageDigest: digest,
  chartDir: '/repo/charts/tengen-tetris',
  workDir: '/repo/dist/deploy/production',
  helm: '/repo/helm',
  cwd: '/repo',
};
const dir = mkdtempSync(join(tmpdir(), 'tengen-image-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deploying by digest', () => {
  it('sets image.digest (which wins over the tag) in the helm upgrade', () => {
    const upgrade = buildPlan(input).steps.find((s) => s.command[1] === 'upgrade')?.command ?? [];
    const text = upgrade.join(' ');
    expect(text).toContain(
      `--set-string image.tag=${revision} --set-string image.digest=${digest}`,
    );
  });

  it('refuses to deploy production without a digest, and a malformed digest anywhere', () => {
    expect(() => buildPlan({ ...input, imageDigest: undefined })).toThrow(
      /production deploys by digest only/,
    );
    expect(() => buildPlan({ ...input, imageDigest: 'sha256:abc' })).toThrow(/not sha256/);
    // Staging may still be planned without a digest (a dry run before any push).
    const staging = buildPlan({ ...input, stage: 'staging', imageDigest: undefined });
    expect(staging.steps.some((s) => s.command.join(' ').includes('image.digest'))).toBe(false);
  });

  it('reads only a record of this stage and this revision', () => {
    const record = { stage: 'production', repository: 'r', revision, digest };
    expect(imageDigestFrom(record, 'production', revision)).toBe(digest);
    expect(() => imageDigestFrom(record, 'staging', revision)).toThrow(/for stage production/);
    expect(() => imageDigestFrom(record, 'production', 'e'.repeat(40))).toThrow(/for revision/);
    expect(() => imageDigestFrom({ ...record, digest: 'latest' }, 'production', revision)).toThrow(
      /is not sha256/,
    );
    expect(() => imageDigestFrom(null, 'production', revision)).toThrow(/not an object/);
    expect(readImageDigest(join(dir, 'absent.json'), 'production', revision)).toBeUndefined();
  });

  it('dry-runs production from the records and renders every container as repository@digest', () => {
    const outputsFile = join(dir, 'outputs.json');
    const recordFile = join(dir, 'image.json');
    writeFileSync(outputsFile, JSON.stringify({ 'TengenTetris-production': outputs }));
    writeFileSync(
      recordFile,
      JSON.stringify({ stage: 'production', repository: 'r', revision, digest }),
    );
    const run = (record: string) =>
      spawnSync(
        process.execPath,
        [
          join(import.meta.dirname, 'deploy.ts'),
          '--stage=production',
          '--dry-run',
          '--outputs',
          outputsFile,
          '--image-record',
          record,
        ],
        { encoding: 'utf8', env: { ...process.env, IMAGE_TAG: revision } },
      );
    const result = run(recordFile);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`image.digest=${digest}`);
    expect(result.stdout).toContain(
      `  images: 444455556666.dkr.ecr.us-east-1.amazonaws.com/tengen-production@${digest}\n`,
    );
    // Without a record, production has no digest: it never falls back to the tag.
    const missing = run(join(dir, 'absent.json'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/production deploys by digest only/);
  });
});
