import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { describe, expect, it } from 'vitest';
import { one, render, type K8sObject } from './render.ts';

const production = ['production-values.yaml'];

function podSpec(objects: K8sObject[]): IPodSpec {
  const workload = objects.find(
    (o) =>
      (o.kind === 'Deployment' || o.kind === 'StatefulSet') &&
      o.metadata.labels?.['app.kubernetes.io/component'] === 'server',
  ) as IDeployment | IStatefulSet | undefined;
  const spec = workload?.spec?.template.spec;
  if (!spec) throw new Error('no server pod spec');
  return spec;
}

function server(spec: IPodSpec) {
  const container = spec.containers.find((c) => c.name === 'server');
  if (!container) throw new Error('no server container');
  return container;
}

const env = (spec: IPodSpec, name: string) => server(spec).env?.find((e) => e.name === name)?.value;

describe('rollouts', () => {
  it('rolls the single-pod Deployment surge-only', () => {
    const deployment = one<IDeployment>(render(), 'Deployment');
    expect(deployment.spec?.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
    expect(deployment.spec?.minReadySeconds).toBeGreaterThan(0);
  });

  it('rolls the scale-out StatefulSet one pod at a time and lets the HPA own the replica count', () => {
    const statefulSet = one<IStatefulSet>(render({ values: production }), 'StatefulSet');
    expect(statefulSet.spec?.updateStrategy?.type).toBe('RollingUpdate');
    expect(statefulSet.spec?.replicas).toBeUndefined();
    expect(
      one<IStatefulSet>(render({ values: ['inchart-redis-values.yaml'] }), 'StatefulSet').spec
        ?.replicas,
    ).toBe(3);
  });

  it('limits voluntary disruptions with a PodDisruptionBudget on the server pods', () => {
    const objects = render({ values: production });
    const pdb = one<IPodDisruptionBudget>(objects, 'PodDisruptionBudget');
    expect(pdb.spec?.maxUnavailable).toBe(1);
    const podLabels = one<IStatefulSet>(objects, 'StatefulSet').spec?.template.metadata?.labels;
    expect(Object.keys(pdb.spec?.selector?.matchLabels ?? {})).not.toHaveLength(0);
    for (const [key, value] of Object.entries(pdb.spec?.selector?.matchLabels ?? {}))
      expect(podLabels?.[key]).toBe(value);
  });

  it('spreads pods across zones, strictly in production', () => {
    const [zone] = podSpec(render({ values: production })).topologySpreadConstraints ?? [];
    expect(zone).toMatchObject({
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
      maxSkew: 1,
    });
    expect(
      podSpec(render({ values: ['local-values.yaml'] })).topologySpreadConstraints,
    ).toBeUndefined();
  });
});

describe('graceful termination arithmetic', () => {
  const combos = [
    { preStop: 10, drain: 30, margin: 15 },
    { preStop: 0, drain: 0, margin: 1 },
    { preStop: 3, drain: 120, margin: 5 },
    { preStop: 25, drain: 7, margin: 30 },
  ];

  it.each(combos)(
    'preStop $preStop + drain $drain + margin $margin',
    ({ preStop, drain, margin }) => {
      const objects = render({
        values: production,
        set: {
          'lifecycle.preStopSleepSeconds': preStop,
          'server.drainSeconds': drain,
          'lifecycle.terminationMarginSeconds': margin,
        },
      });
      const spec = podSpec(objects);
      const grace = spec.terminationGracePeriodSeconds ?? 0;
      // The hook leaves matchmaking, then waits the preStop seconds (run for real in prestop.spec).
      expect(server(spec).lifecycle?.preStop?.exec?.command?.[2]).toContain(
        `/leave').catch(() => {}).finally(() => setTimeout(() => {}, ${preStop * 1000}))`,
      );
      expect(env(spec, 'DRAIN_SECONDS')).toBe(String(drain));
      expect(grace).toBe(preStop + drain + margin);
      expect(grace).toBeGreaterThan(preStop + drain);
      const ingress = one<IIngress>(objects, 'Ingress');
      const attributes =
        ingress.metadata?.annotations?.['alb.ingress.kubernetes.io/target-group-attributes'] ?? '';
      const delay = Number(/deregistration_delay\.timeout_seconds=(\d+)/.exec(attributes)?.[1]);
      expect(delay).toBe(preStop + drain);
      expect(delay).toBeLessThan(grace);
    },
  );
});

describe('room warm-up', () => {
  it.each([[[]], [production]])(
    'a new pod takes no room from the others until the ALB routes to it: ROOM_WARMUP_SECONDS = check interval x healthy checks (%o)',
    (values) => {
      const objects = render({
        values,
        set: { 'ingress.enabled': true, 'ingress.host': 'x.test' },
      });
      const annotations = one<IIngress>(objects, 'Ingress').metadata?.annotations ?? {};
      const interval = Number(
        annotations['alb.ingress.kubernetes.io/healthcheck-interval-seconds'],
      );
      const checks = Number(annotations['alb.ingress.kubernetes.io/healthy-threshold-count']);
      expect(interval).toBeGreaterThan(0);
      expect(checks).toBeGreaterThan(0);
      expect(env(podSpec(objects), 'ROOM_WARMUP_SECONDS')).toBe(String(interval * checks));
    },
  );
});

describe('probes', () => {
  it.each([[[]], [production]])(
    'checks /healthz for startup and liveness and /readyz for readiness (%o)',
    (values) => {
      const container = server(podSpec(render({ values })));
      expect(container.startupProbe?.httpGet?.path).toBe('/healthz');
      expect(container.livenessProbe?.httpGet?.path).toBe('/healthz');
      expect(container.readinessProbe?.httpGet?.path).toBe('/readyz');
      for (const probe of [
        container.startupProbe,
        container.livenessProbe,
        container.readinessProbe,
      ])
        expect(probe?.httpGet?.port).toBe('http');
    },
  );

  it('points the ALB health check at /readyz', () => {
    const ingress = one<IIngress>(render({ values: production }), 'Ingress');
    expect(ingress.metadata?.annotations?.['alb.ingress.kubernetes.io/healthcheck-path']).toBe(
      '/readyz',
    );
    expect(ingress.metadata?.annotations?.['alb.ingress.kubernetes.io/target-type']).toBe('ip');
  });
});

describe('autoscaling', () => {
  it('scales the StatefulSet on CPU and memory utilization, not raw values', () => {
    const hpa = one<IHorizontalPodAutoscaler>(
      render({ values: production }),
      'HorizontalPodAutoscaler',
    );
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec?.scaleTargetRef).toMatchObject({ kind: 'StatefulSet', apiVersion: 'apps/v1' });
    expect([hpa.spec?.minReplicas, hpa.spec?.maxReplicas]).toEqual([2, 6]);
    const targets = (hpa.spec?.metrics ?? []).map((m) => [
      m.resource?.name,
      m.resource?.target.type,
      m.resource?.target.averageUtilization,
    ]);
    expect(targets).toEqual([
      ['cpu', 'Utilization', 45],
      ['memory', 'Utilization', 80],
    ]);
  });

  it('drops the memory metric when its target is 0 and scales down slowly', () => {
    const hpa = one<IHorizontalPodAutoscaler>(
      render({ values: ['staging-values.yaml'] }),
      'HorizontalPodAutoscaler',
    );
    expect(hpa.spec?.metrics?.map((m) => m.resource?.name)).toEqual(['cpu']);
    expect(hpa.spec?.behavior?.scaleDown?.stabilizationWindowSeconds).toBeGreaterThanOrEqual(300);
    expect(hpa.spec?.behavior?.scaleDown?.policies).toEqual([
      { type: 'Pods', value: 1, periodSeconds: 300 },
    ]);
  });

  it('sets resource requests, which utilization targets are relative to', () => {
    const requests = server(podSpec(render({ values: production }))).resources?.requests;
    expect(requests?.['cpu']).toBeDefined();
    expect(requests?.['memory']).toBeDefined();
  });

  it('renders no HPA for the single-pod shape', () => {
    expect(render().filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
  });
});
