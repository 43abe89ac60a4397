import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { describe, expect, it } from 'vitest';
import {
  CPU_US_PER_PLAYER_SECOND,
  HPA_TOLERANCE,
  PLAYERS_HELD_PER_CORE,
  RSS_BASE_MB,
  RSS_PER_PLAYER_KB,
} from './capacity.ts';
import { one, render, serverContainer, type K8sObject } from './render.ts';

// The chart's sizing, checked against what the server benchmark measured (`capacity.ts`), for the
// defaults and for every shipped values file that autoscales.
const shapes: [string, string[]][] = [
  ['defaults', []],
  ['production', ['production-values.yaml']],
  ['staging', ['staging-values.yaml']],
  ['postgres', ['postgres-values.yaml']],
];

const cap = (objects: K8sObject[]) =>
  Number(serverContainer(objects).env?.find((e) => e.name === 'MAX_CONNECTIONS')?.value);

/** Kubernetes quantities as the chart writes them: cores ("1000m", "1") and MiB ("768Mi", "1Gi"). */
function cores(q: unknown): number {
  const [, n, milli] = /^(\d+(?:\.\d+)?)(m?)$/.exec(String(q)) ?? [];
  if (n === undefined) throw new Error(`not a CPU quantity: ${String(q)}`);
  return Number(n) / (milli ? 1000 : 1);
}
function mib(q: unknown): number {
  const [, n, unit] = /^(\d+)(Mi|Gi)$/.exec(String(q)) ?? [];
  if (n === undefined) throw new Error(`not a memory quantity in Mi or Gi: ${String(q)}`);
  return Number(n) * (unit === 'Gi' ? 1024 : 1);
}

/** The players on one pod at which the HPA starts adding pods, at a CPU cost per player-second. */
function playersAtScaleUp(objects: K8sObject[], usPerPlayerSecond: number): number {
  const hpa = one<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler');
  const target = hpa.spec?.metrics?.find((m) => m.resource?.name === 'cpu')?.resource?.target;
  const utilization = (target?.averageUtilization ?? NaN) / 100;
  const request = cores(serverContainer(objects).resources?.requests?.['cpu']);
  return (utilization * (1 + HPA_TOLERANCE) * request * 1e6) / usPerPlayerSecond;
}

/** The chart as it runs with the HPA: the defaults need scale-out turned on for it. */
function autoscaled(values: string[]): K8sObject[] {
  if (values.length > 0) return render({ values });
  return render({
    set: {
      'autoscaling.enabled': true,
      'scaleOut.enabled': true,
      'redis.inChart.enabled': true,
      'persistence.type': 'existingClaim',
      'persistence.existingClaim': 'scores',
      'ingress.enabled': true,
      'ingress.host': 'tetris.example.com',
    },
  });
}

describe('sizing from the capacity benchmark', () => {
  it.each(shapes)(
    '%s: full pods make the HPA add pods, even at the cheapest CPU per player measured',
    (_n, values) => {
      const objects = autoscaled(values);
      // A pod stops taking players at its cap. If the HPA's scale-up point lay above the cap, the
      // pods would fill, sit under the CPU target, and refuse players while the HPA could still
      // add pods (the chart's defaults until session 15: 2,500 players and a 60 % target, which
      // the HPA only acts on past 66 %, about 3,400 players).
      const cheapest = playersAtScaleUp(objects, CPU_US_PER_PLAYER_SECOND.low);
      expect(cap(objects)).toBeGreaterThan(cheapest);
      // And the HPA acts well before the cap at the typical cost, so a new pod has time to come
      // up (about a minute: metrics, the HPA's sync, the pod's start and warm-up) while the others
      // still take players.
      const typical = playersAtScaleUp(objects, CPU_US_PER_PLAYER_SECOND.median);
      expect(cap(objects) - typical).toBeGreaterThanOrEqual(400);
    },
  );

  it.each(shapes)(
    '%s: the cap stays within what one core held at p99 <= 50 ms in every run',
    (_n, values) => {
      const objects = autoscaled(values);
      const request = cores(serverContainer(objects).resources?.requests?.['cpu']);
      expect(cap(objects)).toBeLessThanOrEqual(PLAYERS_HELD_PER_CORE * request);
    },
  );

  it.each(shapes)(
    '%s: the memory limit holds the cap with the per-player part doubled',
    (_n, values) => {
      const objects = autoscaled(values);
      const limit = mib(serverContainer(objects).resources?.limits?.['memory']);
      // Doubled for headroom: GC, socket buffers, bursts.
      expect(RSS_BASE_MB + (2 * cap(objects) * RSS_PER_PLAYER_KB) / 1024).toBeLessThanOrEqual(
        limit,
      );
    },
  );

  it('production: full pods stay under the memory target, which is a backstop, not the signal', () => {
    // V8 keeps its heap after players leave: if full pods crossed the memory target, the HPA (which
    // takes the highest of its metrics) would hold the extra pods long after a peak.
    const objects = autoscaled(['production-values.yaml']);
    const hpa = one<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler');
    const target = hpa.spec?.metrics?.find((m) => m.resource?.name === 'memory')?.resource?.target;
    const request = mib(serverContainer(objects).resources?.requests?.['memory']);
    const full = RSS_BASE_MB + (cap(objects) * RSS_PER_PLAYER_KB) / 1024;
    expect(full).toBeLessThan(((target?.averageUtilization ?? 0) / 100) * request);
  });

  it('would have caught the old defaults: a 2,500 cap under a 60 % target never scales up', () => {
    const objects = render({
      values: ['production-values.yaml'],
      set: { 'server.maxConnections': 2500, 'autoscaling.targetCPUUtilizationPercentage': 60 },
    });
    expect(cap(objects)).toBeLessThan(playersAtScaleUp(objects, CPU_US_PER_PLAYER_SECOND.low));
  });
});
