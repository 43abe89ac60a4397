import { gameStats, PIECE_TYPES, type StatEvent } from '@tengen/engine';
import { describe, expect, it } from 'vitest';
import { FRAMES_PER_SECOND } from './constants.ts';
import { parseGameStats } from './game-stats.ts';

const spawn = (t: (typeof PIECE_TYPES)[number]): StatEvent => ({
  kind: 'spawn',
  piece: PIECE_TYPES.indexOf(t),
});
const real = gameStats(
  [spawn('I'), { kind: 'clear', lines: 4 }, spawn('T'), spawn('S'), { kind: 'clear', lines: 2 }],
  3600,
  FRAMES_PER_SECOND,
);

describe('parseGameStats', () => {
  it("reads the engine's statistics back after a trip through JSON", () => {
    expect(parseGameStats(JSON.parse(JSON.stringify(real)))).toEqual(real);
    const before = gameStats([], 0, FRAMES_PER_SECOND);
    expect(parseGameStats(JSON.parse(JSON.stringify(before)))).toEqual(before);
  });

  it('refuses what is not statistics, or statistics that contradict themselves', () => {
    const bad: unknown[] = [
      null,
      'stats',
      [],
      { ...real, pieces: [1, 2, 3] },
      { ...real, pieces: [1, 0, 0, 0, 0, 0, -1] },
      { ...real, totalPieces: real.totalPieces + 1 },
      { ...real, burns: real.burns + 1 },
      { ...real, tetrisLines: 3, lines: 3 + real.burns },
      { ...real, tetrisRate: null },
      { ...real, tetrisRate: 1.5 },
      { ...real, piecesPerMinute: 'fast' },
      { ...real, piecesPerMinute: Number.POSITIVE_INFINITY },
      { ...real, drought: real.longestDrought + 1 },
      { ...real, longestDrought: real.totalPieces + 1, drought: 0 },
    ];
    for (const b of bad) expect(parseGameStats(b), JSON.stringify(b)).toBeNull();
  });
});
