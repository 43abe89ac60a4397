import { describe, expect, it } from 'vitest';
import { modelModule, validateObject } from './k8s-validate.ts';

const deployment = (replicas: unknown) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x' },
  spec: {
    replicas,
    selector: { matchLabels: { a: 'b' } },
    template: {
      metadata: { labels: { a: 'b' } },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    },
  },
});

describe('validateObject', () => {
  it('maps apiVersions onto kubernetes-models modules', () => {
    expect(modelModule('v1')).toBe('kubernetes-models/v1');
    expect(modelModule('networking.k8s.io/v1')).toBe('kubernetes-models/networking.k8s.io/v1');
  });

  it('accepts a valid object', async () => {
    await expect(validateObject(deployment(2))).resolves.toBeUndefined();
  });

  it('rejects a wrong type, naming the object', async () => {
    await expect(validateObject(deployment('two'))).rejects.toThrow(/Deployment\/x is invalid/);
  });

  it('rejects a missing required field', async () => {
    const broken = deployment(1);
    delete (broken.spec as { selector?: unknown }).selector;
    await expect(validateObject(broken)).rejects.toThrow(/selector/);
  });

  it('rejects an unknown kind', async () => {
    await expect(
      validateObject({ apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w' } }),
    ).rejects.toThrow(/no kubernetes-models class/);
  });
});
