import { Histogram, type HistogramConfiguration } from 'prom-client';

/** prom-client's per-label-set values of a histogram (its `hashMap` entries). */
interface BucketData {
  bucketValues: Record<string, number>;
  sum: number;
  count: number;
}

/**
 * A label-less prom-client `Histogram` whose `observe(value)` costs a bucket search and three
 * additions. The stock one builds a labels object, validates and hashes it, and turns the float
 * bound into a property key on every call: about 2.5 % of the server's CPU at two observations per
 * input batch. Exposition, `reset`, and observations with labels stay prom-client's (the spec holds
 * the output to a stock `Histogram` fed the same values).
 */
export class FastHistogram extends Histogram {
  constructor(config: HistogramConfiguration<string>) {
    if (config.labelNames?.length) throw new Error(`${config.name}: FastHistogram takes no labels`);
    super(config);
    const bounds = (this as unknown as { upperBounds: number[] }).upperBounds;
    const keys = bounds.map(String);
    const stock = this.observe.bind(this) as (value: number) => void;
    const map = () =>
      (this as unknown as { hashMap: Record<string, BucketData | undefined> }).hashMap;
    this.observe = ((value: number) => {
      const data = map()[''];
      // First value after a reset, a label object or a non-finite value: prom-client's own path.
      if (data === undefined || typeof value !== 'number' || !Number.isFinite(value))
        return stock(value);
      for (let i = 0; i < bounds.length; i++)
        if (value <= bounds[i]!) {
          data.bucketValues[keys[i]!]! += 1;
          break;
        }
      data.sum += value;
      data.count += 1;
    }) as Histogram['observe'];
  }
}
