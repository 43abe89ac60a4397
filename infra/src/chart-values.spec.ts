import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { appChartValues, CHART_DIR } from './app-stack.ts';
import { chartValues, mergeValues } from './chart-values.ts';
import { stageConfig, STAGES } from './config/stages.ts';
import { cdkContext } from '../test/synth.ts';

const inputs = {
  repositoryUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/tengen-staging',
  fileSystemId: 'fs-0abc0abc0abc0abc0',
  accessPointId: 'fsap-0def0def0def0def0',
  redisUrl: 'rediss://master.tengen.xyz.euw1.cache.amazonaws.com:6380',
  host: 'staging.example.org',
  certificateArn: '',
  vpcCidr: '10.0.0.0/16',
};

describe('mergeValues', () => {
  it('merges maps deeply and replaces scalars and lists, like helm --values', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x' };
    expect(mergeValues(base, { a: { c: [3] }, e: true })).toEqual({
      a: { b: 1, c: [3] },
      d: 'x',
      e: true,
    });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x' });
  });
});

describe('chart values from resources', () => {
  it('maps every resource attribute onto its chart value', () => {
    expect(chartValues(inputs)).toEqual({
      image: { repository: inputs.repositoryUri },
      persistence: {
        type: 'efs',
        efs: { fileSystemId: inputs.fileSystemId, accessPointId: inputs.accessPointId },
      },
      redis: { external: { url: '', existingSecret: { name: 'tengen-redis', key: 'redis-url' } } },
      ingress: {
        enabled: true,
        host: inputs.host,
        tls: true,
        certificateArn: '',
        wafAclArn: '',
        deletionProtection: false,
        accessLogs: { bucket: '', prefix: 'alb' },
      },
      networkPolicy: {
        enabled: true,
        loadBalancerCidrs: ['10.0.0.0/16'],
        redisCidrs: ['10.0.0.0/16'],
      },
    });
    // The URL with its AUTH token never becomes a value.
    expect(JSON.stringify(chartValues(inputs))).not.toContain(inputs.redisUrl);
  });

  // The values CDK would pass must satisfy the chart's schema and render: run the chart's own helm.
  it.each(STAGES)('renders with the real chart for %s', (stage) => {
    const config = stageConfig((key) => ({ ...cdkContext(), stage })[key]);
    const values = appChartValues(config, chartValues(inputs), 'abc1234');
    const file = join(mkdtempSync(join(tmpdir(), 'tengen-values-')), 'values.json');
    writeFileSync(file, JSON.stringify(values));
    const helm = resolve(CHART_DIR, 'scripts', 'helm.ts');
    const result = spawnSync(
      process.execPath,
      [
        helm,
        'template',
        config.release,
        CHART_DIR,
        '--namespace',
        config.namespace,
        '--values',
        file,
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    const objects = parseAllDocuments(result.stdout).map(
      (d) => d.toJSON() as { kind: string; spec?: unknown },
    );
    const text = JSON.stringify(objects);
    expect(text).toContain(`${inputs.repositoryUri}:abc1234`);
    expect(text).toContain(`${inputs.fileSystemId}::${inputs.accessPointId}`);
    expect(text).not.toContain(inputs.redisUrl);
    expect(text).toContain('"secretKeyRef":{"name":"tengen-redis","key":"redis-url"}');
    expect(objects.some((o) => o.kind === 'NetworkPolicy')).toBe(true);
    expect(text).toContain(`${inputs.host}/pods/$(POD_NAME)`);
    expect(objects.some((o) => o.kind === 'StatefulSet')).toBe(true);
  });
});
