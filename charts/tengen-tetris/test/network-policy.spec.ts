import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { describe, expect, it } from 'vitest';
import { validateObject } from './k8s-validate.ts';
import { ofKind, one, render, renderError, type K8sObject } from './render.ts';

// What the infra stack passes (chart-values.ts): the VPC CIDR for the ALB and for ElastiCache.
const eks = {
  'networkPolicy.enabled': true,
  'networkPolicy.loadBalancerCidrs[0]': '10.0.0.0/16',
  'networkPolicy.redisCidrs[0]': '10.0.0.0/16',
};
const serverPolicy = (objects: K8sObject[]) =>
  one<INetworkPolicy & K8sObject>(objects, 'NetworkPolicy', 'test-tengen-tetris');

describe('the server NetworkPolicy', () => {
  it('is off unless asked for (clusters without policy enforcement)', () => {
    expect(ofKind(render({ values: ['production-values.yaml'] }), 'NetworkPolicy')).toEqual([]);
  });

  const objects = render({ values: ['production-values.yaml'], set: eks });
  const policy = serverPolicy(objects);

  it('selects the server pods and denies by default both ways', async () => {
    await validateObject(policy);
    expect(policy.spec?.podSelector?.matchLabels).toEqual({
      'app.kubernetes.io/name': 'tengen-tetris',
      'app.kubernetes.io/instance': 'test',
      'app.kubernetes.io/component': 'server',
    });
    expect(policy.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  it('lets in only the load balancer and the release, on the HTTP port only', () => {
    expect(policy.spec?.ingress).toEqual([
      {
        from: [
          { ipBlock: { cidr: '10.0.0.0/16' } },
          { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'test' } } },
        ],
        ports: [{ port: 'http', protocol: 'TCP' }],
      },
    ]);
    // The metrics port is reachable only from the peers named for it.
    const withMetrics = serverPolicy(
      render({
        values: ['production-values.yaml'],
        set: {
          ...eks,
          'networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.name': 'monitoring',
        },
      }),
    );
    expect(withMetrics.spec?.ingress?.[1]).toEqual({
      from: [{ namespaceSelector: { matchLabels: { name: 'monitoring' } } }],
      ports: [{ port: 'metrics', protocol: 'TCP' }],
    });
  });

  it('lets out only DNS and Redis (no NFS from the pod: the node mounts EFS)', () => {
    const egress = policy.spec?.egress ?? [];
    expect(egress.map((e) => e.ports)).toEqual([
      [
        { port: 53, protocol: 'UDP' },
        { port: 53, protocol: 'TCP' },
      ],
      [{ port: 6380, protocol: 'TCP' }],
    ]);
    expect(egress[0]?.to).toEqual([
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      },
    ]);
    expect(egress[1]?.to).toEqual([{ ipBlock: { cidr: '10.0.0.0/16' } }]);
    expect(JSON.stringify(egress)).not.toContain('2049');
  });

  it('reaches the in-chart Redis by its pods instead', () => {
    const inChart = serverPolicy(
      render({ values: ['inchart-redis-values.yaml'], set: { 'networkPolicy.enabled': true } }),
    );
    expect(inChart.spec?.egress?.at(-1)).toEqual({
      to: [
        {
          podSelector: {
            matchLabels: {
              'app.kubernetes.io/name': 'tengen-tetris',
              'app.kubernetes.io/instance': 'test',
              'app.kubernetes.io/component': 'redis',
            },
          },
        },
      ],
      ports: [{ port: 6379, protocol: 'TCP' }],
    });
  });

  it('refuses CIDRs that are not CIDRs', () => {
    expect(
      renderError({
        values: ['production-values.yaml'],
        set: { 'networkPolicy.loadBalancerCidrs[0]': 'everyone' },
      }),
    ).toMatch(/loadBalancerCidrs/);
  });
});
