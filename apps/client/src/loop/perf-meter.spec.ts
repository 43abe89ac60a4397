import { describe, expect, it } from 'vitest';
import { PerfMeter, percentile } from './perf-meter.ts';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 99)).toBe(99);
    expect(percentile(v, 100)).toBe(100);
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('PerfMeter', () => {
  it('keeps the most recent samples', () => {
    const m = new PerfMeter(4);
    for (const v of [100, 100, 1, 2, 3, 4]) m.record(v);
    const r = m.report();
    expect(r.count).toBe(4);
    expect(r.max).toBe(4);
  });

  it('remembers only the first playable time and can reset samples', () => {
    const m = new PerfMeter();
    m.markPlayable(800);
    m.markPlayable(900);
    m.record(1);
    m.reset();
    expect(m.report()).toMatchObject({ count: 0, firstPlayableMs: 800 });
  });
});
