import { describe, expect, it } from 'vitest';
import {
  appStackName,
  isGravitonNonBurstable,
  parseStage,
  platformStackName,
  stageConfig,
} from './stages.ts';
import { contextReader } from '../../test/stage-context.ts';

describe('stage configuration', () => {
  it('accepts only staging and production', () => {
    expect(parseStage('production')).toBe('production');
    expect(() => parseStage(undefined)).toThrow(/-c stage=staging/);
    expect(() => parseStage('prod')).toThrow(/staging, production/);
  });

  it('reads the environment facts of the chosen stage from context', () => {
    const production = stageConfig(contextReader({ stage: 'production' }));
    expect(production).toMatchObject({
      stage: 'production',
      region: 'us-east-1',
      host: 'play.example.org',
      githubRepository: 'acme/tengen-tetris',
    });
    expect(production.certificateArn).toBe('');
    // From -c as a comma list, from cdk.json as a list.
    expect(production.apiAllowedCidrs).toEqual(['203.0.113.7/32', '198.51.100.0/24']);
    expect(stageConfig(contextReader()).apiAllowedCidrs).toEqual(['203.0.113.0/24']);
  });

  it('sizes production above staging', () => {
    const staging = stageConfig(contextReader());
    const production = stageConfig(contextReader({ stage: 'production' }));
    expect(production.nodes.min).toBeGreaterThan(staging.nodes.min);
    expect(production.natGateways).toBe(3);
    expect(staging.natGateways).toBe(1);
    expect(production.redis.replicas).toBeGreaterThan(0);
    // Spot only where a reclaimed node interrupts nobody's real game.
    expect(staging.nodes.capacity).toBe('SPOT');
    expect(production.nodes.capacity).toBe('ON_DEMAND');
    for (const config of [staging, production])
      expect(config.nodes.min).toBeLessThanOrEqual(config.nodes.desired);
    // Karpenter grows production further than staging, on the same capacity type as its group.
    expect(production.nodePool.cpuLimit).toBeGreaterThan(staging.nodePool.cpuLimit);
    expect(staging.nodePool.capacityTypes).toEqual(['spot']);
    expect(production.nodePool.capacityTypes).toEqual(['on-demand']);
  });

  it('runs every node on Graviton, none burstable', () => {
    for (const stage of ['staging', 'production']) {
      const config = stageConfig(contextReader({ stage }));
      expect(config.nodes.instanceTypes.every(isGravitonNonBurstable)).toBe(true);
      expect(config.nodePool.families.every((f) => isGravitonNonBurstable(`${f}.large`))).toBe(
        true,
      );
    }
  });

  it.each([
    [{ 'tengen:staging:region': 'mars-1' }, /region/],
    [{ 'tengen:staging:host': 'Not A Host' }, /host/],
    [{ 'tengen:githubRepository': 'just-a-name' }, /owner\/name/],
    [{ 'tengen:githubRepository': undefined }, /tengen:githubRepository must be a string/],
    [{ 'tengen:staging:certificateArn': 'cert-123' }, /certificateArn/],
    [{ 'tengen:staging:apiAllowedCidrs': undefined }, /CIDRs allowed to reach the Kubernetes API/],
    [{ 'tengen:staging:apiAllowedCidrs': [] }, /CIDRs allowed/],
    [{ 'tengen:staging:apiAllowedCidrs': ['0.0.0.0/0'] }, /too wide/],
    [{ 'tengen:staging:apiAllowedCidrs': '10.0.0.0/33' }, /not an IPv4 CIDR/],
    [{ 'tengen:staging:apiAllowedCidrs': ['300.1.1.1/32'] }, /not an IPv4 CIDR/],
    [
      { 'tengen:staging:apiAllowedCidrs': Array.from({ length: 41 }, (_, i) => `10.0.${i}.0/24`) },
      /at most 40/,
    ],
    [{ 'tengen:githubOidcProviderArn': 'arn:aws:iam::123:role/x' }, /not an OIDC provider ARN/],
  ])('rejects bad context %o', (overrides, message) => {
    expect(() => stageConfig(contextReader(overrides))).toThrow(message);
  });

  it('names the stacks after the stage', () => {
    expect(platformStackName('staging')).toBe('TengenTetris-staging');
    expect(appStackName('production')).toBe('TengenTetris-production-app');
  });
});
