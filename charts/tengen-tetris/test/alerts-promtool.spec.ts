// The alert rules checked by the real promtool (Debian's `prometheus` package): `check rules`, the
// unit tests in alerts.promtool.yaml, and proof that those tests fail when an alert is broken.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import {
  alertRules,
  alertsFile,
  alertTestsFile,
  loadRules,
  promtool,
  type RulesFile,
} from './monitoring.ts';

interface AlertTestCase {
  eval_time: string;
  alertname: string;
  exp_alerts: unknown[];
}
interface PromtoolTests {
  tests: { name: string; alert_rule_test?: AlertTestCase[] }[];
}

const minutes = (d: string): number => {
  const m = /^(\d+)([smh])$/.exec(d);
  if (!m) throw new Error(`unexpected duration ${d}`);
  return Number(m[1]) * { s: 1 / 60, m: 1, h: 60 }[m[2] as 's' | 'm' | 'h'];
};

const scratch = mkdtempSync(join(tmpdir(), 'tengen-alerts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * promtool test rules against a changed copy of the rules (same layout: monitoring/ and test/),
 * with only the test groups that check `alert` (one promtool run stays short).
 */
function testAgainst(
  rules: RulesFile,
  alert: string,
  name: string,
): { status: number; output: string } {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'monitoring'), { recursive: true });
  mkdirSync(join(dir, 'test'), { recursive: true });
  writeFileSync(join(dir, 'monitoring', 'alerts.yaml'), stringify(rules));
  const tests = parse(readFileSync(alertTestsFile, 'utf8')) as PromtoolTests;
  tests.tests = tests.tests.filter((t) => t.alert_rule_test?.some((c) => c.alertname === alert));
  writeFileSync(join(dir, 'test', 'alerts.promtool.yaml'), stringify(tests));
  return promtool(['test', 'rules', join(dir, 'test', 'alerts.promtool.yaml')]);
}

describe('alert rules (real promtool)', () => {
  const alerts = alertRules();

  it('pass promtool check rules, every rule counted', () => {
    const { status, output } = promtool(['check', 'rules', alertsFile]);
    expect(output).toContain(`SUCCESS: ${alerts.length} rules found`);
    expect(status).toBe(0);
  });

  it('pass their promtool unit tests', () => {
    const { status, output } = promtool(['test', 'rules', alertTestsFile]);
    expect(output).toContain('SUCCESS');
    expect(status).toBe(0);
  });

  it('each carry a severity, a for:, a summary, a description and a runbook line; names are unique', () => {
    expect(new Set(alerts.map((a) => a.alert)).size).toBe(alerts.length);
    for (const a of alerts) {
      expect(a.alert).toMatch(/^Tengen[A-Z][A-Za-z]+$/);
      expect(['critical', 'warning'], a.alert).toContain(a.labels?.['severity']);
      expect(a.for, a.alert).toMatch(/^\d+[smh]$/);
      expect(Object.keys(a.annotations ?? {}).sort(), a.alert).toEqual([
        'description',
        'runbook',
        'summary',
      ]);
    }
  });

  it('each have a test that sees them silent, then firing, then cleared', () => {
    const cases = (parse(readFileSync(alertTestsFile, 'utf8')) as PromtoolTests).tests.flatMap(
      (t) => t.alert_rule_test ?? [],
    );
    for (const a of alerts) {
      const mine = cases
        .filter((c) => c.alertname === a.alert)
        .map((c) => ({ at: minutes(c.eval_time), firing: c.exp_alerts.length > 0 }))
        .sort((x, y) => x.at - y.at);
      const firstFiring = mine.findIndex((c) => c.firing);
      expect(firstFiring, `${a.alert} is never expected to fire`).toBeGreaterThan(0);
      expect(mine[firstFiring - 1]?.firing, `${a.alert} silent before firing`).toBe(false);
      expect(
        mine.slice(firstFiring + 1).some((c) => !c.firing),
        `${a.alert} is never expected to clear`,
      ).toBe(true);
    }
  });

  it.each(alertRules().map((a) => [a.alert]))('the tests fail when %s can never fire', (name) => {
    const rules = loadRules();
    for (const g of rules.groups)
      for (const r of g.rules) if (r.alert === name) r.expr = 'vector(1) < 0';
    const { status, output } = testAgainst(rules, name, `${name}-never`);
    expect(status).not.toBe(0);
    expect(output).toContain(`alertname: ${name}`);
  });

  it.each(
    alertRules()
      .filter((a) => a.for !== undefined && minutes(a.for) > 0)
      .map((a) => [a.alert]),
  )('the tests fail when %s loses its for: (fires at once)', (name) => {
    const rules = loadRules();
    for (const g of rules.groups) for (const r of g.rules) if (r.alert === name) delete r.for;
    const { status, output } = testAgainst(rules, name, `${name}-no-for`);
    expect(status).not.toBe(0);
    expect(output).toContain(`alertname: ${name}`);
  });
});
