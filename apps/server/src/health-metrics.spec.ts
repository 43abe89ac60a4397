import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryLimitBytes, registerHealthMetrics } from './health-metrics.ts';
import { Lifecycle } from './lifecycle.ts';
import { Metrics } from './metrics.ts';

const dir = mkdtempSync(join(tmpdir(), 'health-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('memoryLimitBytes', () => {
  it('reads a cgroup v2 limit', () => {
    expect(memoryLimitBytes([file('v2', '536870912\n')], () => 1)).toEqual({
      bytes: 536870912,
      source: 'cgroup',
    });
  });

  it('falls through "max", cgroup v1 "unlimited", garbage and missing files to the machine', () => {
    const files = [
      join(dir, 'missing'),
      file('max', 'max\n'),
      file('v1', '9223372036854771712\n'),
      file('junk', '12abc'),
    ];
    expect(memoryLimitBytes(files, () => 8e9)).toEqual({ bytes: 8e9, source: 'machine' });
  });

  it('takes a cgroup v1 limit after an unlimited v2 file', () => {
    const files = [file('v2-max', 'max'), file('v1-limit', '268435456')];
    expect(memoryLimitBytes(files, () => 8e9).bytes).toBe(268435456);
  });
});

describe('registerHealthMetrics', () => {
  const scrape = async (metrics: Metrics) => {
    const values = new Map<string, number>();
    for (const m of await metrics.registry.getMetricsAsJSON())
      for (const v of m.values)
        values.set(
          `${m.name}${Object.entries(v.labels)
            .map(([k, l]) => `{${k}=${String(l)}}`)
            .join('')}`,
          v.value,
        );
    return values;
  };

  it('follows the readiness probe: a dependency down, then draining', async () => {
    const lifecycle = new Lifecycle();
    let redisUp = true;
    lifecycle.addCheck({ name: 'database', ok: () => true });
    lifecycle.addCheck({ name: 'redis', ok: () => redisUp });
    const metrics = new Metrics({ defaultMetrics: false });
    registerHealthMetrics(metrics, lifecycle);

    let v = await scrape(metrics);
    expect(v.get('tengen_ready')).toBe(1);
    expect(v.get('tengen_draining')).toBe(0);
    expect(v.get('tengen_dependency_up{dependency=redis}')).toBe(1);
    expect(v.get('tengen_dependency_up{dependency=database}')).toBe(1);
    expect([...v.keys()].find((k) => k.startsWith('tengen_memory_limit_bytes'))).toBeDefined();

    redisUp = false;
    v = await scrape(metrics);
    expect(v.get('tengen_ready')).toBe(0);
    expect(v.get('tengen_dependency_up{dependency=redis}')).toBe(0);
    expect(v.get('tengen_draining')).toBe(0);

    redisUp = true;
    lifecycle.startDraining();
    v = await scrape(metrics);
    expect(v.get('tengen_ready')).toBe(0);
    expect(v.get('tengen_draining')).toBe(1);
    expect(v.get('tengen_dependency_up{dependency=redis}')).toBe(1);
  });

  it('counts a throwing check as down', async () => {
    const lifecycle = new Lifecycle();
    lifecycle.addCheck({
      name: 'database',
      ok: () => {
        throw new Error('closed');
      },
    });
    const metrics = new Metrics({ defaultMetrics: false });
    registerHealthMetrics(metrics, lifecycle);
    const v = await scrape(metrics);
    expect(v.get('tengen_dependency_up{dependency=database}')).toBe(0);
    expect(v.get('tengen_ready')).toBe(0);
  });
});
