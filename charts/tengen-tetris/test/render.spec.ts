import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartDir } from '../scripts/helm-binary.ts';
import { lintCases } from '../scripts/helm-lint.ts';
import { validateObject } from './k8s-validate.ts';
import { helm, render, type K8sObject } from './render.ts';

const ciFiles = readdirSync(join(chartDir, 'ci')).filter((f) => f.endsWith('.yaml'));
const cases: { name: string; values: string[] }[] = [
  { name: 'defaults', values: [] },
  ...ciFiles.map((f) => ({ name: f, values: [f] })),
];

const STANDARD_LABELS = [
  'helm.sh/chart',
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/version',
  'app.kubernetes.io/managed-by',
  'app.kubernetes.io/component',
];

describe('every example values file', () => {
  it('covers local, staging, production and in-chart Redis', () => {
    expect(ciFiles).toEqual(
      expect.arrayContaining([
        'local-values.yaml',
        'production-values.yaml',
        'staging-values.yaml',
        'inchart-redis-values.yaml',
      ]),
    );
  });

  it.each(lintCases().map((file) => [file ? basename(file) : 'defaults', file] as const))(
    'passes helm lint --strict (%s)',
    (_name, file) => {
      const result = helm(['lint', '--strict', chartDir, ...(file ? ['--values', file] : [])]);
      expect(result.stderr + result.stdout).toContain('0 chart(s) failed');
      expect(result.status).toBe(0);
    },
  );

  describe.each(cases)('$name', ({ values }) => {
    const objects: K8sObject[] = render({ values });

    it('renders objects that match the Kubernetes schemas', async () => {
      expect(objects.length).toBeGreaterThan(3);
      for (const object of objects) await validateObject(object);
    });

    it('labels every object with the standard labels', () => {
      for (const object of objects) {
        const labels = object.metadata.labels ?? {};
        for (const label of STANDARD_LABELS)
          expect(labels, `${object.kind}/${object.metadata.name}`).toHaveProperty([label]);
        expect(labels['app.kubernetes.io/instance']).toBe('test');
      }
    });

    it('keeps names valid DNS labels (at most 63 characters)', () => {
      for (const object of objects)
        expect(object.metadata.name).toMatch(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
    });

    it('has exactly one server workload', () => {
      const workloads = objects.filter(
        (o) =>
          (o.kind === 'Deployment' || o.kind === 'StatefulSet') &&
          o.metadata.labels?.['app.kubernetes.io/component'] === 'server',
      );
      expect(workloads).toHaveLength(1);
    });
  });
});
