import { describe, expect, it } from 'vitest';
import { redisSecretManifest, redisUrlWithToken } from './redis-secret.ts';
import { validateObject } from '../test/k8s-validate.ts';
import type { K8sObject } from '../test/render.ts';

const token = 'Ab3'.repeat(20);

describe('the Redis AUTH secret', () => {
  it('puts the token into the URL the server reads', () => {
    expect(redisUrlWithToken('rediss://master.x.cache.amazonaws.com:6380', token)).toBe(
      `rediss://:${token}@master.x.cache.amazonaws.com:6380`,
    );
  });

  it('refuses a URL that already has credentials, and a token that is not plain', () => {
    expect(() => redisUrlWithToken('rediss://:old@h:6380', token)).toThrow(/without credentials/);
    expect(() => redisUrlWithToken('http://h:6380', token)).toThrow(/rediss/);
    expect(() => redisUrlWithToken('rediss://h:6380', 'short')).toThrow(/16-128/);
    expect(() => redisUrlWithToken('rediss://h:6380', `${token}@evil`)).toThrow(/letters/);
  });

  it('builds a valid Secret (Kubernetes schema) holding the URL under the key', async () => {
    const manifest = redisSecretManifest({
      namespace: 'tengen',
      name: 'tengen-redis',
      key: 'redis-url',
      url: redisUrlWithToken('rediss://h:6380', token),
    });
    await validateObject(manifest as unknown as K8sObject);
    expect(manifest).toMatchObject({
      kind: 'Secret',
      metadata: { name: 'tengen-redis', namespace: 'tengen' },
      stringData: { 'redis-url': `rediss://:${token}@h:6380` },
    });
  });
});
