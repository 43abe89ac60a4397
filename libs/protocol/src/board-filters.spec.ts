import { describe, expect, it } from 'vitest';
import { periodStart } from './board-filters.ts';

describe('periodStart (UTC)', () => {
  it('starts today at 00:00 UTC and this week on Monday 00:00 UTC', () => {
    const sunday = new Date('2026-12-06T23:59:59.999Z');
    expect(periodStart('today', sunday)?.toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(periodStart('week', sunday)?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    const monday = new Date('2026-11-30T00:00:00.000Z');
    expect(periodStart('week', monday)?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(periodStart('today', monday)?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    const friday = new Date('2027-01-01T10:00:00Z'); // a Friday across a year end
    expect(periodStart('week', friday)?.toISOString()).toBe('2026-12-28T00:00:00.000Z');
    expect(periodStart('all', sunday)).toBeUndefined();
  });
});
