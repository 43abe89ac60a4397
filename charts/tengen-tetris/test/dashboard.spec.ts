// The Grafana dashboard's own shape: what Grafana needs to import it through the sidecar and lay it
// out (the metrics its queries read are checked against a real server in monitoring-metrics.spec.ts).
import { describe, expect, it } from 'vitest';
import { loadDashboard } from './monitoring.ts';

const dashboard = loadDashboard();
const panels = dashboard.panels;
const queries = panels.filter((p) => p.type !== 'row');

describe('Grafana dashboard', () => {
  it('has a stable uid and title, so a re-import replaces it instead of adding a copy', () => {
    expect(dashboard.uid).toBe('tengen-tetris');
    expect(dashboard.title).toBe('Tengen Tetris');
    expect(dashboard['id']).toBeUndefined();
  });

  it('gives every panel a unique id and a place on the 24-column grid, with no two overlapping', () => {
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    const cells = new Set<string>();
    for (const p of panels) {
      const g = p.gridPos;
      expect(g, p.title).toBeDefined();
      if (!g) continue;
      expect(g.x + g.w, p.title).toBeLessThanOrEqual(24);
      for (let x = g.x; x < g.x + g.w; x++)
        for (let y = g.y; y < g.y + g.h; y++) {
          const cell = `${x},${y}`;
          expect(cells.has(cell), `${p.title} overlaps at ${cell}`).toBe(false);
          cells.add(cell);
        }
    }
  });

  it('queries the chosen Prometheus data source, namespace and pods in every panel', () => {
    expect(queries.length).toBeGreaterThanOrEqual(20);
    for (const p of queries) {
      expect(p.datasource, p.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      const refIds = (p.targets ?? []).map((t) => t.refId);
      expect(new Set(refIds).size, p.title).toBe(refIds.length);
      for (const t of p.targets ?? []) {
        expect(t.expr, p.title).toContain('namespace="$namespace"');
        expect(t.expr, p.title).toContain('pod=~"$pod"');
      }
    }
    const variables = (dashboard['templating'] as { list: { name: string }[] }).list;
    expect(variables.map((v) => v.name)).toEqual(['datasource', 'namespace', 'pod']);
  });

  it('has the panels an operator asked for', () => {
    const text = queries.map((p) => (p.targets ?? []).map((t) => t.expr).join(' ')).join(' ');
    for (const metric of [
      'tengen_clients',
      'tengen_rooms',
      'tengen_matchmaking_wait_seconds_bucket',
      'tengen_relay_latency_seconds_bucket',
      'tengen_verification_seconds_bucket',
      'tengen_submits_total',
      'tengen_store_errors_total',
      'tengen_outbox_games',
      'nodejs_eventloop_lag_p99_seconds',
      'process_resident_memory_bytes',
      'tengen_memory_limit_bytes',
    ])
      expect(text).toContain(metric);
  });
});
