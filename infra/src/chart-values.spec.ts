import { describe, expect, it } from 'vitest';
import { chartValues, mergeValues } from './chart-values.ts';
import { STAGES } from './config/stages.ts';
import { efsChartInputs as inputs, renderStageChart } from '../test/chart-render.ts';

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
    const { stderr, objects, text } = renderStageChart(stage, inputs);
    expect(stderr).toBe('');
    expect(text).toContain(`${inputs.repositoryUri}:abc1234`);
    expect(text).toContain(`${inputs.fileSystemId}::${inputs.accessPointId}`);
    expect(text).not.toContain(inputs.redisUrl);
    expect(text).toContain('"secretKeyRef":{"name":"tengen-redis","key":"redis-url"}');
    expect(objects.some((o) => o.kind === 'NetworkPolicy')).toBe(true);
    expect(text).toContain(`${inputs.host}/pods/$(POD_NAME)`);
    expect(objects.some((o) => o.kind === 'StatefulSet')).toBe(true);
  });
});
