import { describe, expect, it } from 'vitest';
import { acceptedCodings, chooseEncoding, type StoredEncoding } from './accept-encoding.ts';

const ALL: StoredEncoding[] = ['br', 'gzip', 'identity'];

describe('chooseEncoding', () => {
  it.each<[string | undefined, StoredEncoding | null]>([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.000, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0.2', 'gzip'],
    ['identity', 'identity'],
    ['identity;q=0', null],
    ['*;q=0', null],
    ['*;q=0, identity', 'identity'],
    ['deflate', 'identity'],
    ['br;q=2', 'identity'],
    ['br;q=abc, gzip;q=0.1', 'gzip'],
    ['br;q=1.0001', 'identity'],
    ['br ; q = 0.9 , gzip ; q = 1', 'gzip'],
    ['br;level=5', 'br'],
    [',,,;', 'identity'],
  ])('Accept-Encoding %j -> %s', (header, expected) => {
    expect(chooseEncoding(header, ALL)).toBe(expected);
  });

  it('chooses only among the stored files', () => {
    expect(chooseEncoding('br, gzip', ['gzip', 'identity'])).toBe('gzip');
    expect(chooseEncoding('br', ['identity'])).toBe('identity');
    expect(chooseEncoding('br;q=1, identity;q=0', ['identity'])).toBeNull();
  });

  it('keeps the first weight of a coding named twice', () => {
    expect(acceptedCodings('br;q=0, br;q=1').get('br')).toBe(0);
  });
});
