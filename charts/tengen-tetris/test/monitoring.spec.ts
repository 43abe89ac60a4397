import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IService } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { validateObject } from './k8s-validate.ts';
import { dashboardFile, loadDashboard, loadRules } from './monitoring.ts';
import { ofKind, one, render, renderError, type K8sObject } from './render.ts';
import { readFileSync } from 'node:fs';

const all = {
  'monitoring.serviceMonitor.enabled': true,
  'monitoring.prometheusRule.enabled': true,
  'monitoring.dashboard.enabled': true,
};

interface ServiceMonitor extends K8sObject {
  spec: {
    namespaceSelector: { matchNames: string[] };
    selector: { matchLabels: Record<string, string> };
    endpoints: {
      port: string;
      path: string;
      scheme: string;
      interval: string;
      scrapeTimeout: string;
    }[];
  };
}

/** The Services a ServiceMonitor selects (every matchLabels entry present on the Service). */
const selected = (objects: K8sObject[], monitor: ServiceMonitor) =>
  ofKind(objects, 'Service').filter((s) =>
    Object.entries(monitor.spec.selector.matchLabels).every(
      ([k, v]) => s.metadata.labels?.[k] === v,
    ),
  ) as (K8sObject & IService)[];

describe('monitoring objects in the chart', () => {
  it('are all off by default', () => {
    const objects = render();
    expect(ofKind(objects, 'ServiceMonitor')).toHaveLength(0);
    expect(ofKind(objects, 'PrometheusRule')).toHaveLength(0);
    expect(
      ofKind(objects, 'ConfigMap').filter((c) => c.metadata.name.endsWith('-dashboard')),
    ).toEqual([]);
  });

  it('scrape the metrics port of the server pods through the entry Service, in the release namespace', () => {
    const objects = render({ set: all, namespace: 'arcade' });
    const monitor = one<ServiceMonitor>(objects, 'ServiceMonitor');
    expect(monitor.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(monitor.spec.namespaceSelector).toEqual({ matchNames: ['arcade'] });
    expect(monitor.spec.endpoints).toEqual([
      { port: 'metrics', path: '/metrics', scheme: 'http', interval: '30s', scrapeTimeout: '10s' },
    ]);
    // Exactly one selected Service has the `metrics` port, and it targets the container port.
    const withMetrics = selected(objects, monitor).filter((s) =>
      s.spec?.ports?.some((p) => p.name === 'metrics'),
    );
    expect(withMetrics.map((s) => s.metadata.name)).toEqual(['test-tengen-tetris']);
    expect(withMetrics[0]?.spec?.ports?.find((p) => p.name === 'metrics')).toMatchObject({
      port: 9464,
      targetPort: 'metrics',
    });
    // The Service selects the server pods (the Deployment's pod labels).
    const pods = (
      one(objects, 'Deployment') as {
        spec: { template: { metadata: { labels: Record<string, string> } } };
      }
    ).spec.template.metadata.labels;
    for (const [k, v] of Object.entries(withMetrics[0]?.spec?.selector ?? {}))
      expect(pods[k]).toBe(v);
  });

  it('scrape the scale-out StatefulSet too: the per-pod route Services carry no metrics port', () => {
    const objects = render({ values: ['production-values.yaml'], set: all });
    const monitor = one<ServiceMonitor>(objects, 'ServiceMonitor');
    const withMetrics = selected(objects, monitor).filter((s) =>
      s.spec?.ports?.some((p) => p.name === 'metrics'),
    );
    expect(withMetrics).toHaveLength(1);
    expect(selected(objects, monitor).length).toBeGreaterThan(1);
  });

  it('take custom intervals and the labels a Prometheus selects by', () => {
    const objects = render({
      set: {
        ...all,
        'monitoring.serviceMonitor.interval': '1m',
        'monitoring.serviceMonitor.scrapeTimeout': '45s',
        'monitoring.serviceMonitor.labels.release': 'kube-prometheus-stack',
        'monitoring.prometheusRule.labels.release': 'kube-prometheus-stack',
      },
    });
    const monitor = one<ServiceMonitor>(objects, 'ServiceMonitor');
    expect(monitor.spec.endpoints[0]).toMatchObject({ interval: '1m', scrapeTimeout: '45s' });
    expect(monitor.metadata.labels?.['release']).toBe('kube-prometheus-stack');
    expect(one(objects, 'PrometheusRule').metadata.labels?.['release']).toBe(
      'kube-prometheus-stack',
    );
    // The chart's own labels stay.
    expect(monitor.metadata.labels?.['app.kubernetes.io/instance']).toBe('test');
  });

  it('ship the alert rules of monitoring/alerts.yaml unchanged (the file promtool tests)', () => {
    const rule = one<K8sObject & { spec: unknown }>(render({ set: all }), 'PrometheusRule');
    expect(rule.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(rule.spec).toEqual(loadRules());
  });

  it('ship the dashboard JSON unchanged in a ConfigMap labelled for the Grafana sidecar', async () => {
    const objects = render({
      set: {
        ...all,
        'monitoring.dashboard.annotations.grafana_folder': 'Games',
      },
    });
    const map = one<K8sObject & IConfigMap>(objects, 'ConfigMap', 'test-tengen-tetris-dashboard');
    await validateObject(map);
    expect(map.metadata.labels?.['grafana_dashboard']).toBe('1');
    expect(map.metadata.annotations).toEqual({ grafana_folder: 'Games' });
    const json = map.data?.['tengen-tetris.json'] ?? '';
    expect(JSON.parse(json)).toEqual(loadDashboard());
    expect(json.trim()).toBe(readFileSync(dashboardFile, 'utf8').trim());
  });

  it('let the sidecar label be changed', () => {
    const objects = render({
      set: {
        ...all,
        'monitoring.dashboard.labels.grafana_dashboard': null as unknown as string,
        'monitoring.dashboard.labels.dashboards': 'games',
      },
    });
    const map = one(objects, 'ConfigMap', 'test-tengen-tetris-dashboard');
    expect(map.metadata.labels?.['dashboards']).toBe('games');
    expect(map.metadata.labels?.['grafana_dashboard']).toBeUndefined();
  });

  it.each([
    [{ 'monitoring.serviceMonitor.scrapeTimeout': '40s' }, /scrapeTimeout must not exceed/],
    [
      {
        'monitoring.serviceMonitor.scrapeTimeout': '2m',
        'monitoring.serviceMonitor.interval': '90s',
      },
      /scrapeTimeout must not exceed/,
    ],
    [{ 'monitoring.serviceMonitor.interval': 'often' }, /interval/],
    [{ 'monitoring.serviceMonitor.enabled': 'yes' }, /enabled/],
    [{ 'monitoring.prometheusRule.labels.team': 3 }, /team|labels/],
    [{ 'monitoring.grafana': true }, /grafana|additional/i],
  ])('refuses %o', (set, message) => {
    expect(
      renderError({ set: { ...all, 'monitoring.serviceMonitor.interval': '30s', ...set } }),
    ).toMatch(message);
  });
});
