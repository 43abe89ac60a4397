import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import {
  ofKind,
  render,
  renderError,
  serverContainer,
  serverWorkload,
  type K8sObject,
} from './render.ts';

const production = ['production-values.yaml'];

const env = (objects: K8sObject[], name: string) =>
  serverContainer(objects).env?.find((e) => e.name === name)?.value;

describe('abuse limits and metrics in the chart', () => {
  it('maps the values onto TRUSTED_PROXY_HOPS, CORS_ORIGINS, MAX_CONNECTIONS and METRICS_PORT', () => {
    const defaults = render();
    // The ALB is one hop: the chart trusts exactly the entry it appends.
    expect(env(defaults, 'TRUSTED_PROXY_HOPS')).toBe('1');
    expect(env(defaults, 'CORS_ORIGINS')).toBe('');
    expect(env(defaults, 'MAX_CONNECTIONS')).toBe('3000');
    expect(env(defaults, 'METRICS_PORT')).toBe('9464');

    const custom = render({
      set: {
        'server.trustedProxyHops': 2,
        'server.corsOrigins': '{https://a.example,http://localhost:4200}',
        'server.maxConnections': 800,
        'server.metricsPort': 9100,
      },
    });
    expect(env(custom, 'TRUSTED_PROXY_HOPS')).toBe('2');
    expect(env(custom, 'CORS_ORIGINS')).toBe('https://a.example,http://localhost:4200');
    expect(env(custom, 'MAX_CONNECTIONS')).toBe('800');
    expect(env(custom, 'METRICS_PORT')).toBe('9100');
  });

  it.each([
    ['defaults', []],
    ['production', production],
  ])(
    'exposes metrics on their own port, scraped by annotation, never routed (%s)',
    (_n, values) => {
      const objects = render({ values, set: { 'server.metricsPort': 9100 } });
      expect(serverContainer(objects).ports).toEqual([
        { name: 'http', containerPort: 2567, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9100, protocol: 'TCP' },
      ]);
      const annotations = serverWorkload(objects).spec!.template.metadata!.annotations!;
      expect(annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/path': '/metrics',
        'prometheus.io/port': '9100',
      });
      const entry = ofKind(objects, 'Service').find(
        (s) => !s.metadata.name.match(/-(\d+|headless)$/),
      );
      expect((entry as IService).spec?.ports).toEqual([
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { name: 'metrics', port: 9100, targetPort: 'metrics', protocol: 'TCP' },
      ]);
      // Every Ingress path goes to an `http` port, none to `metrics`; /metrics itself is answered
      // 404 by the ALB (a fixed-response action).
      for (const ingress of ofKind(objects, 'Ingress') as IIngress[])
        for (const rule of ingress.spec?.rules ?? [])
          for (const path of rule.http?.paths ?? [])
            expect(path.backend.service?.port).toEqual(
              path.path === '/metrics' ? { name: 'use-annotation' } : { name: 'http' },
            );
      // Per-pod Services (scale-out) carry the game port only.
      for (const s of ofKind(objects, 'Service') as IService[])
        if (s !== entry) expect(s.spec?.ports?.map((p) => p.name)).toEqual(['http']);
    },
  );

  it('production ingress is enabled, so the routing check above ran against a real Ingress', () => {
    expect(ofKind(render({ values: production }), 'Ingress')).toHaveLength(1);
  });

  it('rejects bad values with a message naming them', () => {
    expect(renderError({ set: { 'server.trustedProxyHops': -1 } })).toMatch(
      /\/server\/trustedProxyHops/,
    );
    expect(renderError({ set: { 'server.corsOrigins': '{*}' } })).toMatch(/\/server\/corsOrigins/);
    expect(renderError({ set: { 'server.maxConnections': 0 } })).toMatch(
      /\/server\/maxConnections/,
    );
    expect(renderError({ set: { 'server.metricsPort': 2567 } })).toMatch(
      /server.metricsPort must differ from server.port/,
    );
  });
});
