// database.tls and database.caConfigMap: DATABASE_TLS in the server and the migration hook, the CA
// ConfigMap mounted read-only where DATABASE_CA_FILE points, and the combinations refused.
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { describe, expect, it } from 'vitest';
import { one, render, renderError, type K8sObject } from './render.ts';

const secretValues = ['postgres-values.yaml'];
const iamValues = ['aurora-iam-values.yaml'];
const envOf = (c: IContainer | undefined) =>
  Object.fromEntries((c?.env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]));
const pods = (objects: K8sObject[]): IPodSpec[] => [
  one<IStatefulSet>(objects, 'StatefulSet').spec?.template.spec as IPodSpec,
  one<IJob>(objects, 'Job').spec?.template.spec as IPodSpec,
];

describe('database.tls', () => {
  it('is verify-full by default: the server and the migration hook trust the image RDS CAs', () => {
    for (const values of [secretValues, iamValues]) {
      for (const pod of pods(render({ values }))) {
        const env = envOf(pod.containers[0]);
        expect(env['DATABASE_TLS']).toBe('verify-full');
        expect(env['DATABASE_CA_FILE']).toBeUndefined();
        expect(pod.volumes?.map((v) => v.name)).not.toContain('database-ca');
      }
    }
  });

  it('can be off with password authentication (a database inside the cluster without TLS)', () => {
    for (const pod of pods(render({ values: secretValues, set: { 'database.tls': 'off' } })))
      expect(envOf(pod.containers[0])['DATABASE_TLS']).toBe('off');
  });

  it('is not rendered for SQLite', () => {
    const objects = render({ values: ['production-values.yaml'] });
    const pod = one<IStatefulSet>(objects, 'StatefulSet').spec?.template.spec as IPodSpec;
    expect(envOf(pod.containers[0])['DATABASE_TLS']).toBeUndefined();
  });
});

describe('database.caConfigMap', () => {
  const objects = render({
    values: secretValues,
    set: { 'database.caConfigMap.name': 'db-ca', 'database.caConfigMap.key': 'bundle.pem' },
  });

  it('mounts the ConfigMap read-only in the server and the hook, where DATABASE_CA_FILE points', () => {
    for (const pod of pods(objects)) {
      const volume = pod.volumes?.find((v) => v.name === 'database-ca');
      expect(volume?.configMap).toEqual({
        name: 'db-ca',
        items: [{ key: 'bundle.pem', path: 'ca.pem' }],
      });
      const container = pod.containers[0];
      const mount = container?.volumeMounts?.find((m) => m.name === 'database-ca');
      expect(mount).toEqual({
        name: 'database-ca',
        mountPath: '/etc/tengen/database-ca',
        readOnly: true,
      });
      expect(envOf(container)['DATABASE_CA_FILE']).toBe(`${mount?.mountPath}/ca.pem`);
      expect(envOf(container)['DATABASE_TLS']).toBe('verify-full');
    }
  });

  it('adds its volume beside /tmp and the outbox', () => {
    const pod = pods(objects)[0];
    expect(pod?.volumes?.map((v) => v.name)).toEqual(['tmp', 'outbox', 'database-ca']);
  });
});

describe('refused combinations', () => {
  it.each([
    [
      'IAM without TLS',
      iamValues,
      { 'database.tls': 'off' },
      /\/database\/tls': value must be 'verify-full'/,
    ],
    [
      'a CA ConfigMap with TLS off',
      secretValues,
      { 'database.tls': 'off', 'database.caConfigMap.name': 'db-ca' },
      /\/database\/caConfigMap\/name': maxLength/,
    ],
    [
      'sslmode in the IAM URL',
      iamValues,
      { 'database.url': 'postgres://tengen@db:5432/tengen?sslmode=verify-full' },
      /\/database\/url'/,
    ],
    ['an unknown mode', secretValues, { 'database.tls': 'require' }, /\/database\/tls'/],
  ])('the schema refuses %s', (_, values, set, message) => {
    expect(renderError({ values, set })).toMatch(message);
  });

  it.each([
    [
      'IAM without TLS',
      iamValues,
      { 'database.tls': 'off' },
      /database.auth iam needs database.tls verify-full/,
    ],
    [
      'a CA ConfigMap with TLS off',
      secretValues,
      { 'database.tls': 'off', 'database.caConfigMap.name': 'db-ca' },
      /database.caConfigMap is read only with database.tls verify-full/,
    ],
    [
      'sslmode in the IAM URL',
      iamValues,
      { 'database.url': 'postgres://tengen@db:5432/tengen?sslmode=verify-full' },
      /database.url carries no TLS parameters/,
    ],
  ])('the template refuses %s without the schema', (_, values, set, message) => {
    expect(renderError({ values, set, flags: ['--skip-schema-validation'] })).toMatch(message);
  });
});
