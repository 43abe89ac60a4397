import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartDir } from '../scripts/helm-binary.ts';
import { one, render, type K8sObject } from './render.ts';

const appVersion = String(
  (parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as { appVersion: string }).appVersion,
);

/** Every pod spec the chart renders: workloads and the migration Job. */
function podSpecs(objects: K8sObject[]): [string, IPodSpec][] {
  return objects.flatMap((o): [string, IPodSpec][] => {
    const spec = (o as IDeployment | IJob).spec?.template?.spec;
    return spec ? [[`${o.kind}/${o.metadata.name}`, spec]] : [];
  });
}

const everyValues = ['local-values.yaml', 'production-values.yaml', 'inchart-redis-values.yaml'];

describe.each(everyValues)('pod security (%s)', (file) => {
  const specs = podSpecs(render({ values: [file] }));

  it('renders pods to check', () => {
    expect(specs.length).toBeGreaterThanOrEqual(1);
  });

  it('runs as non-root with RuntimeDefault seccomp and no ServiceAccount token', () => {
    for (const [name, spec] of specs) {
      expect(spec.securityContext?.runAsNonRoot, name).toBe(true);
      expect(spec.securityContext?.seccompProfile?.type, name).toBe('RuntimeDefault');
      expect(spec.automountServiceAccountToken, name).toBe(false);
    }
  });

  it('locks every container down: read-only root, no privilege escalation, all capabilities dropped', () => {
    for (const [name, spec] of specs) {
      for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
        const context = container.securityContext;
        expect(context?.readOnlyRootFilesystem, `${name} ${container.name}`).toBe(true);
        expect(context?.allowPrivilegeEscalation, `${name} ${container.name}`).toBe(false);
        expect(context?.capabilities?.drop, `${name} ${container.name}`).toEqual(['ALL']);
      }
    }
  });

  it('runs the server image as uid/gid 10001 with fsGroup, and gives it a writable /tmp', () => {
    for (const [name, spec] of specs.filter(([, s]) =>
      s.containers.some((c) => c.name === 'server' || c.name === 'migrate'),
    )) {
      expect(spec.securityContext, name).toMatchObject({
        runAsUser: 10001,
        runAsGroup: 10001,
        fsGroup: 10001,
      });
      const tmp = spec.volumes?.find((v) => v.name === 'tmp');
      expect(tmp?.emptyDir, name).toBeDefined();
      expect(
        spec.containers[0]?.volumeMounts?.map((m) => m.mountPath),
        name,
      ).toEqual(expect.arrayContaining(['/tmp', '/data']));
    }
  });
});

describe('service account and image', () => {
  it('creates a ServiceAccount that never mounts its token', () => {
    expect(one<IServiceAccount>(render(), 'ServiceAccount').automountServiceAccountToken).toBe(
      false,
    );
  });

  it("defaults the image tag to the chart's appVersion", () => {
    const deployment = one<IDeployment>(
      render({ set: { 'image.repository': 'registry.example/tengen' } }),
      'Deployment',
    );
    expect(deployment.spec?.template.spec?.containers[0]?.image).toBe(
      `registry.example/tengen:${appVersion}`,
    );
  });

  it('pins a digest when one is given, over the tag', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const deployment = one<IDeployment>(
      render({ set: { 'image.repository': 'r/t', 'image.tag': 'abc123', 'image.digest': digest } }),
      'Deployment',
    );
    expect(deployment.spec?.template.spec?.containers[0]?.image).toBe(`r/t@${digest}`);
  });

  it('serves TLS only, with a modern policy and an HTTP redirect', () => {
    const ingress = render({ values: ['production-values.yaml'] }).find(
      (o) => o.kind === 'Ingress',
    );
    const annotations = ingress?.metadata.annotations ?? {};
    expect(annotations['alb.ingress.kubernetes.io/ssl-redirect']).toBe('443');
    expect(annotations['alb.ingress.kubernetes.io/ssl-policy']).toMatch(/^ELBSecurityPolicy-TLS13/);
    expect(JSON.parse(annotations['alb.ingress.kubernetes.io/listen-ports'] ?? '[]')).toEqual([
      { HTTP: 80 },
      { HTTPS: 443 },
    ]);
  });
});
