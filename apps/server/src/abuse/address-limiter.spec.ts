import { describe, expect, it } from 'vitest';
import { AddressLimiter } from './address-limiter.ts';

describe('AddressLimiter', () => {
  it('allows the burst, then the sustained rate, per address', () => {
    const limiter = new AddressLimiter(6, 3); // one every 10 s, three at once
    for (let i = 0; i < 3; i++) expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('a', 0)).toBe(false);
    expect(limiter.allows('a', 0)).toBe(false);
    expect(limiter.take('b', 0)).toBe(true);
    expect(limiter.take('a', 9_000)).toBe(false);
    expect(limiter.allows('a', 10_000)).toBe(true);
    expect(limiter.take('a', 10_000)).toBe(true);
    expect(limiter.take('a', 10_000)).toBe(false);
  });

  it('forgets addresses whose bucket has refilled', () => {
    const limiter = new AddressLimiter(6, 3);
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('b', 0);
    limiter.take('b', 0);
    expect(limiter.size).toBe(2);
    limiter.take('c', 70_000); // 'a' and 'b' are full again after 30 s
    expect(limiter.size).toBe(1);
  });
});
