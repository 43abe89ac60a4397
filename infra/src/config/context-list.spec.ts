import { describe, expect, it } from 'vitest';
import { contextList } from './context-list.ts';

describe('contextList', () => {
  it('splits what -c gives at commas, trimming and dropping empty entries', () => {
    expect(contextList(' 203.0.113.7/32, 198.51.100.0/24,, ')).toEqual([
      '203.0.113.7/32',
      '198.51.100.0/24',
    ]);
    expect(contextList('')).toEqual([]);
  });

  it('takes a list of strings from cdk.json as it is, and nothing else', () => {
    expect(contextList(['111122223333'])).toEqual(['111122223333']);
    expect(contextList([])).toEqual([]);
    expect(contextList([111122223333])).toBeUndefined();
    expect(contextList({ a: 1 })).toBeUndefined();
    expect(contextList(7)).toBeUndefined();
    expect(contextList(undefined)).toBeUndefined();
  });
});
