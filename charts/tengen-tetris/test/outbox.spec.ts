import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { describe, expect, it } from 'vitest';
import { one, render, renderError } from './render.ts';

const server = (spec: IPodSpec | undefined) => spec?.containers.find((c) => c.name === 'server');
const env = (spec: IPodSpec | undefined, name: string) =>
  server(spec)?.env?.find((e) => e.name === name)?.value;

describe('score outbox volume', () => {
  it('gives each server pod a disk-backed emptyDir of its own, apart from the data volume, at OUTBOX_DIR', () => {
    const spec = one<IDeployment>(render(), 'Deployment').spec?.template.spec;
    const volume = spec?.volumes?.find((v) => v.name === 'outbox');
    // Not memory-backed (would count against the memory limit) and not the data volume (it fails
    // together with the database: a read-only or full volume is what the outbox is for).
    expect(volume?.emptyDir).toEqual({ sizeLimit: '256Mi' });
    expect(server(spec)?.volumeMounts).toEqual(
      expect.arrayContaining([{ name: 'outbox', mountPath: '/outbox' }]),
    );
    expect(env(spec, 'OUTBOX_DIR')).toBe('/outbox');
    expect(env(spec, 'OUTBOX_RETRY_MAX_SECONDS')).toBe('30');
    expect(env(spec, 'DB_FILE')?.startsWith('/outbox')).toBe(false);
  });

  it('is the same on the scale-out StatefulSet, with custom values', () => {
    const objects = render({
      values: ['production-values.yaml'],
      set: {
        'outbox.mountPath': '/var/outbox',
        'outbox.sizeLimit': '1Gi',
        'outbox.retryMaxSeconds': 120,
      },
    });
    const spec = one<IStatefulSet>(objects, 'StatefulSet').spec?.template.spec;
    expect(spec?.volumes?.find((v) => v.name === 'outbox')?.emptyDir).toEqual({ sizeLimit: '1Gi' });
    expect(server(spec)?.volumeMounts).toEqual(
      expect.arrayContaining([{ name: 'outbox', mountPath: '/var/outbox' }]),
    );
    expect(env(spec, 'OUTBOX_DIR')).toBe('/var/outbox');
    expect(env(spec, 'OUTBOX_RETRY_MAX_SECONDS')).toBe('120');
    // The migration Job never writes scores: it does not mount the outbox.
    const job = one<IJob>(objects, 'Job');
    expect(job.spec?.template.spec?.volumes?.some((v) => v.name === 'outbox')).toBe(false);
  });

  it.each([
    [{ 'outbox.retryMaxSeconds': 0 }],
    [{ 'outbox.retryMaxSeconds': 3601 }],
    [{ 'outbox.sizeLimit': 'lots' }],
    [{ 'outbox.mountPath': 'relative/path' }],
  ])('refuses %o', (set) => {
    expect(renderError({ set })).toMatch(/outbox/);
  });
});
