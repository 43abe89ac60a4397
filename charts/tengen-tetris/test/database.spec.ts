// database.type postgres: DATABASE_URL from an existing Secret or, with IAM authentication, a URL
// without a password plus the pod's AWS identity; no EFS volume, claim or mount at all; the migration
// hook runs against the same database.
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { describe, expect, it } from 'vitest';
import { ofKind, one, render, renderError, type K8sObject } from './render.ts';

const secretValues = ['postgres-values.yaml'];
const iamValues = ['aurora-iam-values.yaml'];
const hook = (o: K8sObject) => o.metadata.annotations?.['helm.sh/hook'];
const weight = (o: K8sObject) => Number(o.metadata.annotations?.['helm.sh/hook-weight'] ?? '0');
const envOf = (c: IContainer | undefined) =>
  Object.fromEntries((c?.env ?? []).map((e) => [e.name, e]));
const podOf = (objects: K8sObject[]): IPodSpec =>
  one<IStatefulSet>(objects, 'StatefulSet').spec?.template.spec as IPodSpec;
const jobPodOf = (objects: K8sObject[]): IPodSpec =>
  one<IJob>(objects, 'Job').spec?.template.spec as IPodSpec;

/** Every trace of the SQLite data volume a rendering could hold. */
function expectNoDataVolume(objects: K8sObject[]): void {
  expect(ofKind(objects, 'PersistentVolume')).toEqual([]);
  expect(ofKind(objects, 'PersistentVolumeClaim')).toEqual([]);
  const text = JSON.stringify(objects);
  expect(text).not.toContain('efs.csi.aws.com');
  expect(text).not.toContain('DB_FILE');
  for (const pod of objects.flatMap((o) => {
    const spec = (o as { spec?: { template?: { spec?: IPodSpec } } }).spec?.template?.spec;
    return spec ? [spec] : [];
  })) {
    expect(pod.volumes?.map((v) => v.name)).not.toContain('data');
    for (const c of [...(pod.containers ?? []), ...(pod.initContainers ?? [])])
      expect(c.volumeMounts?.map((m) => m.mountPath)).not.toContain('/data');
  }
}

describe('database.type postgres with a password Secret', () => {
  const objects = render({ values: secretValues });

  it('renders no EFS volume, no claim and no data mount, in the pods or the hook', () => {
    expectNoDataVolume(objects);
    // The SQLite values layered underneath (production's EFS ids) are ignored, not rendered.
    expectNoDataVolume(
      render({
        values: ['production-values.yaml', ...secretValues],
        set: { 'networkPolicy.enabled': false },
      }),
    );
  });

  it('maps DATABASE_URL from the Secret with secretKeyRef in the server and the migration Job', () => {
    const secretRef = { secretKeyRef: { name: 'tengen-database', key: 'database-url' } };
    for (const pod of [podOf(objects), jobPodOf(objects)]) {
      const env = envOf(pod.containers[0]);
      expect(env['DATABASE_URL']).toEqual({ name: 'DATABASE_URL', valueFrom: secretRef });
      expect(env['DATABASE_AUTH']).toBeUndefined();
      expect(env['AWS_REGION']).toBeUndefined();
    }
  });

  it('keeps the outbox and /tmp volumes (the outbox is not the database)', () => {
    expect(podOf(objects).volumes?.map((v) => v.name)).toEqual(['tmp', 'outbox']);
  });

  it('migrates PostgreSQL in a pre-install/pre-upgrade hook Job, the only hook', () => {
    const hooks = objects.filter(hook);
    expect(hooks.map((o) => o.kind)).toEqual(['Job']);
    const job = one<IJob & K8sObject>(objects, 'Job');
    expect(hook(job)).toBe('pre-install,pre-upgrade');
    const pod = jobPodOf(objects);
    expect(pod.containers[0]?.args).toEqual(['migrate']);
    // No AWS identity needed: the namespace's default ServiceAccount, no token.
    expect(pod.serviceAccountName).toBeUndefined();
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.volumes?.map((v) => v.name)).toEqual(['tmp']);
  });

  it('runs one pod without scale-out, with no init container (the hook migrates)', () => {
    const single = render({
      set: {
        'database.type': 'postgres',
        'database.existingSecret.name': 'db',
        'database.existingSecret.key': 'url',
      },
    });
    const pod = one<IDeployment>(single, 'Deployment').spec?.template.spec;
    expect(pod?.initContainers).toBeUndefined();
    expect(envOf(pod?.containers[0])['DATABASE_URL']?.valueFrom?.secretKeyRef).toEqual({
      name: 'db',
      key: 'url',
    });
    expect(ofKind(single, 'Job')).toHaveLength(1);
    expectNoDataVolume(single);
  });

  it('allows scale-out with per-pod emptyDir persistence: no pod keeps scores', () => {
    const sts = render({ values: secretValues, set: { 'persistence.type': 'emptyDir' } });
    expect(ofKind(sts, 'StatefulSet')).toHaveLength(1);
  });

  it('refuses postgres without a Secret name: the schema names the field', () => {
    const error = renderError({
      values: secretValues,
      set: { 'database.existingSecret.name': '' },
    });
    expect(error).toMatch(/\/database\/existingSecret\/name': minLength/);
  });

  it('and the template says why, even without the schema', () => {
    const error = renderError({
      set: { 'database.type': 'postgres' },
      flags: ['--skip-schema-validation'],
    });
    expect(error).toMatch(/database.type postgres needs database.existingSecret.name/);
  });

  it('refuses a URL in values with password authentication (it belongs in the Secret)', () => {
    const url = 'postgres://tengen@db:5432/tengen';
    expect(renderError({ values: secretValues, set: { 'database.url': url } })).toMatch(
      /\/database\/url': maxLength/,
    );
    expect(
      renderError({
        values: secretValues,
        set: { 'database.url': url },
        flags: ['--skip-schema-validation'],
      }),
    ).toMatch(/database.url is for database.auth iam only/);
  });

  it('rejects an unknown database type or auth, and a bad Secret name', () => {
    expect(renderError({ set: { 'database.type': 'mysql' } })).toMatch(/\/database\/type/);
    expect(renderError({ set: { 'database.auth': 'kerberos' } })).toMatch(/\/database\/auth/);
    expect(
      renderError({ values: secretValues, set: { 'database.existingSecret.name': 'Not_A_Name' } }),
    ).toMatch(/\/database\/existingSecret\/name/);
  });
});

describe('database.auth iam (RDS IAM authentication, no Secret)', () => {
  const objects = render({ values: iamValues });

  it('gives the server a URL without a password, DATABASE_AUTH=iam and AWS_REGION', () => {
    const env = envOf(podOf(objects).containers[0]);
    expect(env['DATABASE_URL']?.value).toBe(
      'postgres://tengen@tengen-production.cluster-abc123.eu-west-1.rds.amazonaws.com:5432/tengen',
    );
    expect(env['DATABASE_AUTH']?.value).toBe('iam');
    expect(env['AWS_REGION']?.value).toBe('eu-west-1');
  });

  it('reads no Secret at all and mounts no data volume', () => {
    expect(JSON.stringify(objects)).not.toContain('secretKeyRef');
    expect(ofKind(objects, 'Secret')).toEqual([]);
    expectNoDataVolume(objects);
  });

  it('runs the pods under the ServiceAccount the infra stack associates with the database role', () => {
    expect(podOf(objects).serviceAccountName).toBe('tengen-tetris');
    expect(
      one(objects, 'ServiceAccount', 'tengen-tetris').metadata.annotations?.['helm.sh/hook'],
    ).toBeUndefined();
  });

  it('migrates under a hook ServiceAccount <serviceAccount>-migrate created before the Job', () => {
    const hooks = objects.filter(hook).sort((a, b) => weight(a) - weight(b));
    expect(hooks.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/tengen-tetris-migrate',
      'Job/test-tengen-tetris-migrate',
    ]);
    expect(weight(hooks[0] as K8sObject)).toBeLessThan(weight(hooks[1] as K8sObject));
    expect(hooks[0]?.['automountServiceAccountToken']).toBe(false);
    expect(hooks[0]?.metadata.annotations?.['helm.sh/hook-delete-policy']).toBe(
      'before-hook-creation,hook-succeeded',
    );
    const pod = jobPodOf(objects);
    expect(pod.serviceAccountName).toBe('tengen-tetris-migrate');
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(envOf(pod.containers[0])['DATABASE_AUTH']?.value).toBe('iam');
  });

  it('copies the ServiceAccount annotations (e.g. an IRSA role) onto the migration one', () => {
    const annotated = render({
      values: iamValues,
      set: {
        'serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn': 'arn:aws:iam::1:role/db',
      },
    });
    expect(
      one(annotated, 'ServiceAccount', 'tengen-tetris-migrate').metadata.annotations?.[
        'eks.amazonaws.com/role-arn'
      ],
    ).toBe('arn:aws:iam::1:role/db');
  });

  it.each([
    [
      { 'database.url': 'postgres://tengen:secret@db:5432/tengen' },
      /\/database\/url': 'postgres:\/\/tengen:secret/,
    ],
    [{ 'database.url': '' }, /\/database\/url': minLength/],
    [{ 'database.awsRegion': '' }, /\/database\/awsRegion': minLength/],
    [{ 'database.awsRegion': 'Ireland' }, /\/database\/awsRegion': 'Ireland' does not match/],
    [{ 'database.existingSecret.name': 'db' }, /\/database\/existingSecret\/name': maxLength/],
  ])('the schema refuses %o', (set, message) => {
    expect(renderError({ values: iamValues, set })).toMatch(message);
  });

  it.each([
    [{ 'database.url': '' }, /database.auth iam needs database.url .* and database.awsRegion/],
    [{ 'database.existingSecret.name': 'db' }, /database.auth iam uses no Secret/],
  ])('the template refuses %o without the schema', (set, message) => {
    expect(renderError({ values: iamValues, set, flags: ['--skip-schema-validation'] })).toMatch(
      message,
    );
  });
});

describe('database.type sqlite (the default) is unchanged', () => {
  it('sets DB_FILE, mounts the data volume and never DATABASE_URL', () => {
    const objects = render({ values: ['production-values.yaml'] });
    const env = envOf(podOf(objects).containers[0]);
    expect(env['DB_FILE']?.value).toBe('/data/tengen.db');
    expect(env['DATABASE_URL']).toBeUndefined();
    expect(
      podOf(objects).volumes?.find((v) => v.name === 'data')?.persistentVolumeClaim,
    ).toBeDefined();
    expect(ofKind(objects, 'PersistentVolume')).toHaveLength(2);
  });

  it('still refuses scale-out on per-pod emptyDir databases', () => {
    expect(
      renderError({
        values: ['production-values.yaml'],
        set: { 'persistence.type': 'emptyDir' },
        flags: ['--skip-schema-validation'],
      }),
    ).toMatch(/needs shared storage/);
  });
});
