import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { describe, expect, it } from 'vitest';
import { ofKind, one, render, type K8sObject } from './render.ts';

const production = ['production-values.yaml'];
const hook = (o: K8sObject) => o.metadata.annotations?.['helm.sh/hook'];
const weight = (o: K8sObject) => Number(o.metadata.annotations?.['helm.sh/hook-weight'] ?? '0');

describe('EFS volume', () => {
  const objects = render({ values: production, release: 'prod', namespace: 'tengen' });
  const releasePv = ofKind(objects, 'PersistentVolume').find((o) => !hook(o)) as IPersistentVolume;
  const releasePvc = ofKind(objects, 'PersistentVolumeClaim').find(
    (o) => !hook(o),
  ) as IPersistentVolumeClaim;

  it('is a static, retained, ReadWriteMany EFS CSI volume on the access point', () => {
    expect(releasePv.spec?.csi).toMatchObject({
      driver: 'efs.csi.aws.com',
      volumeHandle: 'fs-0123456789abcdef0::fsap-0123456789abcdef0',
    });
    expect(releasePv.spec?.persistentVolumeReclaimPolicy).toBe('Retain');
    expect(releasePv.spec?.storageClassName).toBe('');
    expect(releasePv.spec?.accessModes).toEqual(['ReadWriteMany']);
    expect(releasePv.spec?.mountOptions).toEqual(['tls', 'iam']);
  });

  it('binds PV and claim to each other by name, and names the PV after namespace and release', () => {
    expect(releasePv.metadata?.name).toBe('tengen-prod-tengen-tetris-data');
    expect(releasePv.spec?.claimRef).toMatchObject({
      namespace: 'tengen',
      name: releasePvc.metadata?.name,
    });
    expect(releasePvc.spec?.volumeName).toBe(releasePv.metadata?.name);
    expect(releasePvc.spec?.storageClassName).toBe('');
  });

  it('is what the server pods mount at /data, where DB_FILE points', () => {
    const pod = one<IStatefulSet>(objects, 'StatefulSet').spec?.template.spec;
    expect(pod?.volumes?.find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe(
      releasePvc.metadata?.name,
    );
    expect(pod?.containers[0]?.env?.find((e) => e.name === 'DB_FILE')?.value).toBe(
      '/data/tengen.db',
    );
  });

  it('uses the file system id alone when there is no access point', () => {
    const plain = render({ values: production, set: { 'persistence.efs.accessPointId': '' } });
    const pv = ofKind(plain, 'PersistentVolume')[0] as IPersistentVolume;
    expect(pv.spec?.csi?.volumeHandle).toBe('fs-0123456789abcdef0');
  });
});

describe('migration hook ordering', () => {
  const objects = render({ values: production, release: 'prod', namespace: 'tengen' });
  const hooks = objects.filter(hook).sort((a, b) => weight(a) - weight(b));
  const job = one<IJob>(objects, 'Job');

  it('creates the hook volume, then its claim, then the Job, on install and on upgrade', () => {
    expect(hooks.map((o) => o.kind)).toEqual(['PersistentVolume', 'PersistentVolumeClaim', 'Job']);
    expect(new Set(hooks.map(weight)).size).toBe(3);
    for (const o of hooks) {
      expect(hook(o)).toBe('pre-install,pre-upgrade');
      expect(o.metadata.annotations?.['helm.sh/hook-delete-policy']).toBe(
        'before-hook-creation,hook-succeeded',
      );
    }
  });

  it('mounts the hook claim, which points at the same EFS access point as the release volume', () => {
    const [hookPv, hookPvc] = hooks as unknown as [IPersistentVolume, IPersistentVolumeClaim, IJob];
    const releasePv = ofKind(objects, 'PersistentVolume').find(
      (o) => !hook(o),
    ) as IPersistentVolume;
    expect(
      job.spec?.template.spec?.volumes?.find((v) => v.name === 'data')?.persistentVolumeClaim
        ?.claimName,
    ).toBe(hookPvc.metadata?.name);
    expect(hookPvc.spec?.volumeName).toBe(hookPv.metadata?.name);
    expect(hookPv.spec?.claimRef?.name).toBe(hookPvc.metadata?.name);
    expect(hookPv.spec?.csi?.volumeHandle).toBe(releasePv.spec?.csi?.volumeHandle);
    expect(hookPv.spec?.persistentVolumeReclaimPolicy).toBe('Retain');
    expect(hookPv.metadata?.name).not.toBe(releasePv.metadata?.name);
  });

  it('runs the same image with args ["migrate"] and the same DB_FILE, under the default ServiceAccount', () => {
    const statefulSet = one<IStatefulSet>(objects, 'StatefulSet');
    const migrate = job.spec?.template.spec?.containers[0];
    expect(migrate?.args).toEqual(['migrate']);
    expect(migrate?.image).toBe(statefulSet.spec?.template.spec?.containers[0]?.image);
    expect(migrate?.env?.find((e) => e.name === 'DB_FILE')?.value).toBe('/data/tengen.db');
    expect(job.spec?.template.spec?.serviceAccountName).toBeUndefined();
    expect(job.spec?.template.spec?.restartPolicy).toBe('Never');
    expect(job.spec?.activeDeadlineSeconds).toBeGreaterThan(0);
  });

  it('mounts an existing claim directly, with no hook volume', () => {
    const shared = render({ values: ['inchart-redis-values.yaml'] });
    expect(shared.filter(hook).map((o) => o.kind)).toEqual(['Job']);
    const volume = one<IJob>(shared, 'Job').spec?.template.spec?.volumes?.find(
      (v) => v.name === 'data',
    );
    expect(volume?.persistentVolumeClaim?.claimName).toBe('tengen-shared-data');
  });

  it('migrates a per-pod emptyDir database with an init container instead of a Job', () => {
    const local = render({ values: ['local-values.yaml'] });
    expect(local.filter(hook)).toEqual([]);
    const pod = one<IDeployment>(local, 'Deployment').spec?.template.spec;
    expect(pod?.initContainers?.map((c) => [c.name, c.args])).toEqual([['migrate', ['migrate']]]);
    expect(pod?.volumes?.find((v) => v.name === 'data')?.emptyDir).toBeDefined();
  });

  it('can be switched off', () => {
    expect(
      render({ values: production, set: { 'migrations.enabled': false } }).filter(hook),
    ).toEqual([]);
  });
});
