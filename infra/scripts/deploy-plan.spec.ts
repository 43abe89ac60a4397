import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthStage } from '../test/synth.ts';
import { deployCommand, formatSummary, summarizeAssembly, synthCommand } from './deploy-plan.ts';

describe('infra deploy plan', () => {
  it('deploys only the platform stack, without approval prompts, writing the outputs chart:deploy reads', () => {
    expect(deployCommand('production')).toEqual([
      'npx',
      'cdk',
      'deploy',
      'TengenTetris-production',
      '-c',
      'stage=production',
      '--require-approval',
      'never',
      '--outputs-file',
      '../dist/infra/outputs-production.json',
      '--no-notices',
    ]);
    expect(synthCommand('staging')).toEqual([
      'npx',
      'cdk',
      'synth',
      '-c',
      'stage=staging',
      '--quiet',
      '--output',
      '../dist/infra/plan-staging',
      '--no-notices',
    ]);
  });

  it('summarizes a synthesized assembly: resources per stack, deployed stack first-class', () => {
    const { outdir } = synthStage('staging');
    const stacks = summarizeAssembly(outdir, 'staging');
    expect(stacks.map((s) => [s.name, s.deployed])).toEqual([
      ['TengenTetris-github-oidc', true],
      ['TengenTetris-staging', true],
      ['TengenTetris-staging-app', false],
    ]);
    const platform = stacks[1];
    expect(platform?.resources['AWS::EKS::Cluster']).toBe(1);
    expect(platform?.resources['AWS::ElastiCache::ReplicationGroup']).toBe(1);
    expect(platform?.outputs).toEqual(
      expect.arrayContaining(['ChartValues', 'ClusterName', 'EcrRepositoryUri']),
    );
    expect(platform?.outputs.some((o) => o.startsWith('PublishOutput'))).toBe(false);
    const text = formatSummary('staging', stacks);
    expect(text).toMatch(
      /^infra deploy plan: stage=staging\nDEPLOY TengenTetris-github-oidc: [^\n]*\n[^]*\nDEPLOY TengenTetris-staging: \d+ resources/,
    );
    expect(text).toContain('skip   TengenTetris-staging-app');
    expect(text).toMatch(/DEPLOY TengenTetris-github-oidc: 1 resources \(account-level/);
    expect(text).toContain(deployCommand('staging').join(' '));
  });

  it('dry-runs through the real CDK CLI offline', () => {
    const script = join(import.meta.dirname, 'deploy.ts');
    const result = spawnSync(process.execPath, [script, '--stage', 'production', '--dry-run'], {
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('DEPLOY TengenTetris-production:');
    expect(result.stdout).toContain('3 AWS::EC2::NatGateway');
    expect(result.stdout).toContain('dry run: nothing was deployed');
    // The CLI synthesizes the whole app in a child process: over a minute on a loaded 2-core machine.
  }, 180_000);
});
