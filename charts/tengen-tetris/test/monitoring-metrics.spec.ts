// Every metric the alert rules and the dashboard read is one a real server exports: a server
// process (with a real redis-server, so the Redis series exist) plays a solo game with a submit and
// a quick-match duo, then its /metrics is scraped and every PromQL selector is checked against it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer, TestPlayer, type SpawnedServer } from '@tengen/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRules, loadDashboard, selectors, type Selector } from './monitoring.ts';

/** Labels Prometheus adds to a target's series (the server never exports them). */
const TARGET_LABELS = new Set(['namespace', 'pod', 'job', 'instance', 'service', 'endpoint']);
/**
 * Label values the rules rely on that a short local run cannot produce, each with what produces it.
 * Every other `label="value"` in the rules and dashboard must be seen in the scrape.
 */
const NOT_SEEN_LOCALLY: Record<string, string> = {
  'tengen_memory_limit_bytes{source="cgroup"}': 'a container memory limit (machine here)',
};

interface Scrape {
  types: Map<string, string>;
  series: { name: string; labels: Record<string, string>; value: number }[];
}

function parseExposition(text: string): Scrape {
  const types = new Map<string, string>();
  const series: Scrape['series'] = [];
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1] ?? '', type[2] ?? '');
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`unparsed exposition line: ${line}`);
    const labels = Object.fromEntries(
      [...(m[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)].map(([, k, v]) => [k, v]),
    );
    series.push({ name: m[1] ?? '', labels, value: Number(m[4]) });
  }
  return { types, series };
}

/** The family a series name belongs to, and the type that name needs (histogram parts). */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    const base = name.slice(0, -suffix.length);
    if (name.endsWith(suffix) && ['histogram', 'summary'].includes(types.get(base) ?? ''))
      return suffix === '_bucket' && types.get(base) !== 'histogram' ? undefined : base;
  }
  return undefined;
}

let redis: ChildProcess;
let server: SpawnedServer;
let scrape: Scrape;
const dir = mkdtempSync(join(tmpdir(), 'tengen-monitoring-'));

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => resolve(s.end() && true));
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server did not listen on ${port}`);
}

beforeAll(async () => {
  const redisPort = await freePort();
  redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore', cwd: dir },
  );
  await waitForPort(redisPort);
  const port = await freePort();
  server = await spawnServer({
    PORT: String(port),
    PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    DB_FILE: join(dir, 'scores.sqlite'),
    OUTBOX_DIR: join(dir, 'outbox'),
  });

  // A solo game, verified and stored.
  const solo = await TestPlayer.connect(server.url, 'create', 'solo');
  await solo.until('choosing', () => solo.me?.phase === 'choosing');
  solo.send('selectLevel', { level: 19 });
  await solo.until('level', () => solo.me?.selectedLevel === 19);
  solo.send('ready');
  await solo.play({ botFrames: 400, leadFrames: 150 });
  await solo.until('over', () => solo.me?.phase === 'over');
  solo.send('submit', { name: 'Metrics' });
  await solo.message('submitted');
  // A quick match: the first player waits for the second.
  const a = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
  await new Promise((r) => setTimeout(r, 300));
  const b = await TestPlayer.connect(server.url, 'joinOrCreate', 'duo');
  expect(b.room.roomId).toBe(a.room.roomId);

  scrape = parseExposition(await (await fetch(server.metricsUrl)).text());
  await Promise.all([solo.leave(), a.leave(), b.leave()]);
}, 120_000);

afterAll(async () => {
  if (server) {
    server.proc.kill('SIGTERM');
    await server.exited;
  }
  redis?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const sources: [string, Selector[]][] = [
  ...alertRules().map((r): [string, Selector[]] => [`alert ${r.alert}`, selectors(r.expr)]),
  ...loadDashboard()
    .panels.filter((p) => p.type !== 'row')
    .flatMap((p) =>
      (p.targets ?? []).map((t): [string, Selector[]] => [
        `panel "${p.title}" ${t.refId}`,
        selectors(t.expr),
      ]),
    ),
  ...(loadDashboard()['templating'] as { list: { name: string; definition?: string }[] }).list
    .filter((v) => v.definition)
    // Template variables: label_values(<selector>, <label>).
    .map((v): [string, Selector[]] => {
      const m = /^label_values\((.*),\s*([a-z_]+)\)$/.exec(v.definition ?? '');
      if (!m) throw new Error(`variable ${v.name}: unexpected query ${v.definition}`);
      return [`variable ${v.name}`, selectors(m[1] ?? '')];
    }),
];

describe('metrics named in the alert rules and the dashboard (real server scrape)', () => {
  it('the selector parser reads names, label matchers and skips functions, grouping and numbers', () => {
    expect(
      selectors(
        'histogram_quantile(0.99, sum by (namespace, le) (rate(a_bucket{x="1", pod=~"$pod"}[5m]))) > 1e6 and on (pod) b / ignoring (source) c{source="cgroup"}',
      ),
    ).toEqual([
      {
        metric: 'a_bucket',
        matchers: [
          { label: 'x', op: '=', value: '1' },
          { label: 'pod', op: '=~', value: '$pod' },
        ],
      },
      { metric: 'b', matchers: [] },
      { metric: 'c', matchers: [{ label: 'source', op: '=', value: 'cgroup' }] },
    ]);
  });

  it.each(sources)('%s reads metrics the server exports', (_where, found) => {
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) {
      const family = familyOf(s.metric, scrape.types);
      expect(family, `${s.metric} is not exported`).toBeDefined();
      for (const m of s.matchers) {
        if (TARGET_LABELS.has(m.label) || m.value.includes('$')) continue;
        const key = `${s.metric}{${m.label}="${m.value}"}`;
        const withLabel = scrape.series.filter(
          (x) => familyOf(x.name, scrape.types) === family && m.label in x.labels,
        );
        expect(withLabel.length, `${s.metric} has no label ${m.label}`).toBeGreaterThan(0);
        if (m.op !== '=' || key in NOT_SEEN_LOCALLY) continue;
        expect(
          withLabel.map((x) => x.labels[m.label]),
          `${key} never exported`,
        ).toContain(m.value);
      }
    }
  });

  it('the dashboard shows every tengen_ metric the server exports', () => {
    const shown = new Set(
      sources
        .filter(([where]) => where.startsWith('panel'))
        .flatMap(([, found]) => found.map((s) => familyOf(s.metric, scrape.types))),
    );
    const exported = [...scrape.types.keys()].filter((n) => n.startsWith('tengen_'));
    expect(exported.filter((n) => !shown.has(n))).toEqual([]);
  });

  it('the new operator series move: ready, Redis up, a stored submit, its verification time, a quick-match wait', () => {
    const value = (name: string, labels: Record<string, string> = {}) =>
      scrape.series.find(
        (x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v),
      )?.value;
    expect(value('tengen_ready')).toBe(1);
    expect(value('tengen_draining')).toBe(0);
    expect(value('tengen_dependency_up', { dependency: 'redis' })).toBe(1);
    expect(value('tengen_dependency_up', { dependency: 'database' })).toBe(1);
    expect(value('tengen_submits_total', { result: 'stored' })).toBe(1);
    expect(value('tengen_submits_total', { result: 'failed' })).toBe(0);
    expect(value('tengen_verification_seconds_count')).toBe(1);
    expect(value('tengen_verification_seconds_sum')).toBeGreaterThan(0);
    expect(value('tengen_matchmaking_wait_count')).toBeUndefined();
    expect(value('tengen_matchmaking_wait_seconds_count')).toBe(1);
    // The wait was at least the 300 ms between the two players.
    expect(value('tengen_matchmaking_wait_seconds_sum')).toBeGreaterThanOrEqual(0.3);
    expect(value('tengen_memory_limit_bytes')).toBeGreaterThan(0);
  });
});
