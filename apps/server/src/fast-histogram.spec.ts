import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { FastHistogram } from './fast-histogram.ts';

const buckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1];

function pair() {
  const stockRegistry = new Registry();
  const fastRegistry = new Registry();
  const config = { name: 'latency_seconds', help: 'h', buckets };
  const stock = new Histogram({ ...config, registers: [stockRegistry] });
  const fast = new FastHistogram({ ...config, registers: [fastRegistry] });
  return { stock, fast, stockRegistry, fastRegistry };
}

describe('FastHistogram', () => {
  it("exposes exactly what prom-client's Histogram does for the same values", async () => {
    const { stock, fast, stockRegistry, fastRegistry } = pair();
    const values = [0, 0.0005, 0.0007, 0.001, 0.0031, 0.05, 0.0500001, 0.99, 1, 1.5, 42];
    for (let i = 0; i < 1000; i++) values.push(((i * 7919) % 1300) / 1000);
    for (const v of values) {
      stock.observe(v);
      fast.observe(v);
    }
    expect(await fastRegistry.metrics()).toBe(await stockRegistry.metrics());
    expect(await fastRegistry.metrics()).toContain('latency_seconds_count 1011');
  });

  it('keeps working across a reset, and refuses what the stock one refuses', async () => {
    const { stock, fast, stockRegistry, fastRegistry } = pair();
    for (const h of [stock, fast]) {
      h.observe(0.3);
      h.reset();
      h.observe(0.004);
      h.observe(0.004);
    }
    expect(await fastRegistry.metrics()).toBe(await stockRegistry.metrics());
    expect(() => fast.observe(Number.NaN)).toThrow(/not a valid number/);
    expect(() => fast.observe(Infinity)).toThrow(/not a valid number/);
  });

  it('takes no labels', () => {
    expect(
      () => new FastHistogram({ name: 'x', help: 'h', labelNames: ['mode'], registers: [] }),
    ).toThrow(/no labels/);
  });
});
