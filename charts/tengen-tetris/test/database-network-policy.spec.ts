// NetworkPolicy egress per database: PostgreSQL on its port to the configured CIDRs or peers, the
// Pod Identity agent with IAM authentication, and nothing new for SQLite (EFS is mounted by the node).
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { describe, expect, it } from 'vitest';
import { validateObject } from './k8s-validate.ts';
import { one, render, renderError, type K8sObject } from './render.ts';

const policyOf = (objects: K8sObject[]) =>
  one<INetworkPolicy & K8sObject>(objects, 'NetworkPolicy', 'test-tengen-tetris');
const noCidrs = ['--set-json', 'networkPolicy.databaseCidrs=[]'];
const portsOf = (policy: INetworkPolicy) =>
  (policy.spec?.egress ?? []).flatMap((e) => (e.ports ?? []).map((p) => p.port));

describe('NetworkPolicy egress with PostgreSQL', () => {
  it('lets the pods out to the database CIDRs on 5432, besides DNS and Redis', async () => {
    const policy = policyOf(render({ values: ['postgres-values.yaml'] }));
    await validateObject(policy);
    expect(policy.spec?.egress?.at(-1)).toEqual({
      to: [{ ipBlock: { cidr: '10.0.0.0/16' } }],
      ports: [{ port: 5432, protocol: 'TCP' }],
    });
    expect(portsOf(policy)).toEqual([53, 53, 6380, 5432]);
    expect(JSON.stringify(policy)).not.toContain('169.254.170.23');
  });

  it('takes a port and in-cluster peers (a namespace selector) instead of CIDRs', async () => {
    const policy = policyOf(
      render({
        values: ['postgres-values.yaml'],
        set: {
          'networkPolicy.databasePort': 6432,
          'networkPolicy.databasePeers[0].namespaceSelector.matchLabels.name': 'databases',
        },
        flags: noCidrs,
      }),
    );
    await validateObject(policy);
    expect(policy.spec?.egress?.at(-1)).toEqual({
      to: [{ namespaceSelector: { matchLabels: { name: 'databases' } } }],
      ports: [{ port: 6432, protocol: 'TCP' }],
    });
  });

  it('refuses a policy that would leave the pods no way to the database', () => {
    expect(renderError({ values: ['postgres-values.yaml'], flags: noCidrs })).toMatch(
      /needs networkPolicy.databaseCidrs or networkPolicy.databasePeers/,
    );
  });

  it('with IAM authentication also reaches the Pod Identity agent on port 80, and nothing wider', async () => {
    const policy = policyOf(render({ values: ['aurora-iam-values.yaml'], release: 'test' }));
    await validateObject(policy);
    expect(policy.spec?.egress?.at(-1)).toEqual({
      to: [{ ipBlock: { cidr: '169.254.170.23/32' } }],
      ports: [{ port: 80, protocol: 'TCP' }],
    });
    expect(portsOf(policy)).toEqual([53, 53, 6380, 5432, 80]);
  });
});

describe('NetworkPolicy egress with SQLite', () => {
  it('opens no PostgreSQL, credentials or NFS port (the node mounts EFS, not the pod)', () => {
    const policy = policyOf(
      render({
        values: ['production-values.yaml'],
        set: {
          'networkPolicy.enabled': true,
          'networkPolicy.redisCidrs[0]': '10.0.0.0/16',
          'networkPolicy.databaseCidrs[0]': '10.0.0.0/16',
        },
      }),
    );
    expect(portsOf(policy)).toEqual([53, 53, 6380]);
    expect(JSON.stringify(policy)).not.toMatch(/5432|2049|169\.254/);
  });
});
