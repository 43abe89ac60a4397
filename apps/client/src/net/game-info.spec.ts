import { describe, expect, it } from 'vitest';
import { parseGameInfo } from './http-api.ts';

const good = {
  id: 'abcdefghijkm',
  mode: 'solo',
  name: 'Ann',
  score: 120,
  lines: 3,
  level: 19,
  startLevel: 19,
  frames: 900,
  engineVersion: 1,
  at: '2026-12-01T08:30:00.000Z',
};

describe('parseGameInfo', () => {
  it('reads the replay page header of a stored game', () => {
    expect(parseGameInfo(good)).toEqual(good);
  });

  it.each([
    ['no object', null],
    ['an unknown mode', { ...good, mode: 'arcade' }],
    ['an empty name', { ...good, name: '' }],
    ['a negative score', { ...good, score: -1 }],
    ['a fractional level', { ...good, level: 1.5 }],
    ['a missing date', { ...good, at: undefined }],
    ['a bad date', { ...good, at: 'yesterday' }],
  ])('refuses %s', (_, json) => {
    expect(parseGameInfo(json)).toBeNull();
  });
});
