// Test helpers for the monitoring files shipped by the chart: the alert rules and the Grafana
// dashboard, the metric names their PromQL reads, and the real promtool.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { chartDir } from '../scripts/helm-binary.ts';

/** The alert rules file: one source for the PrometheusRule and the promtool tests. */
export const alertsFile = join(chartDir, 'monitoring', 'alerts.yaml');
/** The promtool unit tests of the rules. */
export const alertTestsFile = join(chartDir, 'test', 'alerts.promtool.yaml');
/** The Grafana dashboard JSON shipped in the dashboard ConfigMap. */
export const dashboardFile = join(chartDir, 'monitoring', 'dashboard.json');

/** One alerting rule as written in alerts.yaml. */
export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** The rule groups of a rules file. */
export interface RulesFile {
  groups: { name: string; rules: AlertRule[] }[];
}

/** Parses alerts.yaml. */
export function loadRules(file = alertsFile): RulesFile {
  return parse(readFileSync(file, 'utf8')) as RulesFile;
}

/** Every alerting rule, in file order. */
export const alertRules = (rules = loadRules()): AlertRule[] =>
  rules.groups.flatMap((g) => g.rules);

/** A dashboard panel, loosely typed (rows have no targets). */
export interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos?: { x: number; y: number; w: number; h: number };
  datasource?: { type?: string; uid?: string };
  targets?: { expr: string; refId: string; legendFormat?: string }[];
}

/** Parses dashboard.json. */
export function loadDashboard(): { uid: string; title: string; panels: Panel[] } & Record<
  string,
  unknown
> {
  return JSON.parse(readFileSync(dashboardFile, 'utf8')) as ReturnType<typeof loadDashboard>;
}

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/** A series selector in a PromQL expression: the metric name and its label matchers. */
export interface Selector {
  metric: string;
  matchers: { label: string; op: string; value: string }[];
}

/**
 * The series selectors a PromQL expression reads (functions, keywords, grouping labels, numbers
 * and durations left out). Enough PromQL for the expressions of this chart, which tests parse.
 */
export function selectors(expr: string): Selector[] {
  const found: Selector[] = [];
  const text = expr
    // Grafana variables stand for a duration or a label value.
    .replace(/\$__rate_interval|\$__interval|\$__range/g, '5m')
    // Grouping clauses name labels, not metrics.
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ');
  const token = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{([^}]*)\})?\s*(\()?/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(text)) !== null) {
    const [, name = '', , body, call] = m;
    const before = text[m.index - 1];
    // Part of a number (1e6, 0.5) or a function call or a keyword.
    if (before !== undefined && /[0-9.]/.test(before)) continue;
    if (call !== undefined || KEYWORDS.has(name.toLowerCase())) continue;
    const matchers = [
      ...(body ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"([^"]*)"/g),
    ].map(([, label = '', op = '', value = '']) => ({ label, op, value }));
    found.push({ metric: name, matchers });
  }
  return found;
}

/** Runs the real promtool (`PROMTOOL_BIN`, else `promtool` on PATH: Debian's `prometheus` package). */
export function promtool(args: string[]): { status: number; output: string } {
  const bin = process.env['PROMTOOL_BIN'] ?? 'promtool';
  const result = spawnSync(bin, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(
      `cannot run ${bin} (${result.error.message}): install Debian's prometheus package (apt-get install prometheus) or set PROMTOOL_BIN`,
    );
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}
