import { gameStats, PIECE_TYPES } from '@tengen/engine';
import { FRAMES_PER_SECOND } from '@tengen/protocol';
import { describe, expect, it } from 'vitest';
import { parseGameInfo } from './http-api.ts';
import { parsePlayer } from './player-api.ts';

const stats = gameStats(
  [
    { kind: 'spawn', piece: PIECE_TYPES.indexOf('I') },
    { kind: 'clear', lines: 4 },
    { kind: 'spawn', piece: PIECE_TYPES.indexOf('T') },
    { kind: 'clear', lines: 1 },
  ],
  600,
  FRAMES_PER_SECOND,
);

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
  stats,
};

describe('parseGameInfo', () => {
  it('reads the replay page header of a stored game', () => {
    expect(parseGameInfo(good)).toEqual(good);
  });

  it('keeps the header but drops statistics that are not statistics', () => {
    expect(parseGameInfo({ ...good, stats: null })).toEqual({ ...good, stats: null });
    expect(parseGameInfo({ ...good, stats: { ...stats, burns: 9 } })?.stats).toBeNull();
    const { stats: _, ...old } = good;
    expect(parseGameInfo(old)).toEqual({ ...good, stats: null });
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

describe('parsePlayer', () => {
  const line = {
    rank: 0,
    name: 'Ann',
    mode: 'solo',
    score: 120,
    lines: 5,
    level: 19,
    startLevel: 19,
    replayId: 'abcdefghijkm',
    at: '2026-12-01T08:30:00.000Z',
  };

  it('reads each game with its statistics, null where they are missing or wrong', () => {
    const page = parsePlayer({
      name: 'Ann',
      held: true,
      best: [{ ...line, stats }],
      recent: [{ ...line, stats }, { ...line, stats: { ...stats, tetrisRate: 2 } }, line],
    });
    expect(page.best).toEqual([{ ...line, stats }]);
    expect(page.recent.map((g) => g.stats)).toEqual([stats, null, null]);
  });
});
