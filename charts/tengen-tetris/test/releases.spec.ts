import { describe, expect, it } from 'vitest';
import { render, type K8sObject } from './render.ts';

const CLUSTER_SCOPED = new Set(['PersistentVolume']);

/** Identity of an object as the API server sees it: namespaced objects clash only within a namespace. */
function identities(objects: K8sObject[], namespace: string): string[] {
  return objects.map(
    (o) => `${o.kind}/${CLUSTER_SCOPED.has(o.kind) ? '' : `${namespace}/`}${o.metadata.name}`,
  );
}

/** Names a pod of the release may reference (claims, services, PV claimRefs, HPA targets). */
function referencedNames(objects: K8sObject[]): string[] {
  const text = JSON.stringify(objects);
  return [...text.matchAll(/"(?:claimName|volumeName|serviceName|name)":"([a-z0-9-]+)"/g)].map(
    (m) => m[1] ?? '',
  );
}

describe('names derive from the release', () => {
  const values = ['production-values.yaml'];

  it('two releases in one namespace share no object, PersistentVolumes included', () => {
    const a = render({ values, release: 'blue', namespace: 'games' });
    const b = render({ values, release: 'green', namespace: 'games' });
    const shared = identities(a, 'games').filter((id) => identities(b, 'games').includes(id));
    expect(shared).toEqual([]);
    expect(a.length).toBe(b.length);
  });

  it('one release name in two namespaces shares no cluster-scoped object', () => {
    const a = render({ values, release: 'tetris', namespace: 'team-a' });
    const b = render({ values, release: 'tetris', namespace: 'team-b' });
    const pvs = (objects: K8sObject[]) =>
      objects.filter((o) => CLUSTER_SCOPED.has(o.kind)).map((o) => o.metadata.name);
    expect(pvs(a).length).toBeGreaterThan(0);
    expect(pvs(a).filter((name) => pvs(b).includes(name))).toEqual([]);
  });

  it('every object name contains the release name', () => {
    for (const object of render({ values, release: 'blue' }))
      expect(object.metadata.name).toContain('blue');
  });

  it('every reference between objects points inside the release', () => {
    const objects = render({ values, release: 'blue' });
    const own = new Set(objects.map((o) => o.metadata.name));
    const refs = referencedNames(objects).filter((n) => n.startsWith('blue'));
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(own, ref).toContain(ref);
  });

  it('shortens long release names but keeps suffixed names within 63 characters', () => {
    const release = 'a-very-long-release-name-that-goes-on-and-on-and-on';
    for (const object of render({ values, release })) {
      if (object.kind !== 'PersistentVolume')
        expect(object.metadata.name.length).toBeLessThanOrEqual(63);
    }
  });

  it('uses the release alone when it already contains the chart name', () => {
    const objects = render({ release: 'tengen-tetris' });
    expect(objects.find((o) => o.kind === 'Deployment')?.metadata.name).toBe('tengen-tetris');
  });
});
