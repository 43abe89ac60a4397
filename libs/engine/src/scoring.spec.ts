import { describe, expect, it } from 'vitest';
import {
  addHoldDownPoints,
  addLineClearPoints,
  incrementLines,
  scoreToBcd,
  scoreValue,
} from './scoring.ts';
import { GameState } from './state.ts';

function stateWith(fields: Partial<GameState> & { score?: number }): GameState {
  const s = new GameState();
  const { score, ...rest } = fields;
  Object.assign(s, rest);
  if (score !== undefined) [s.score0, s.score1, s.score2] = scoreToBcd(score);
  return s;
}

/** Lines at which the level rises, clearing one line at a time (playState_updateLinesAndStatistics). */
function levelUps(startLevel: number, upTo: number): number[] {
  const s = stateWith({ levelNumber: startLevel });
  const at: number[] = [];
  while (s.lines < upTo) if (incrementLines(s)) at.push(s.lines);
  return at;
}

describe('lines and level (playState_updateLinesAndStatistics, BCD tens compare)', () => {
  // Spec: min((start+1)*10, max(100, start*10-50)), then every 10. For 26-29 the ROM's BCD
  // compare ((lines+1:lines) >> 4 reads 200 lines as $20 = 32) raises the level at 200 already.
  // prettier-ignore
  const FIRST: [number, number][] = [
    [0, 10], [1, 20], [5, 60], [9, 100], [10, 100], [12, 100], [15, 100], [16, 110], [17, 120],
    [18, 130], [19, 140], [20, 150], [24, 190], [25, 200], [26, 200], [27, 200], [28, 200], [29, 200],
  ];
  it.each(FIRST)('start level %i: first level-up at %i lines, then every 10', (start, first) => {
    const ups = levelUps(start, first + 60);
    expect(ups[0]).toBe(first);
    expect(ups.slice(1, 6)).toEqual([1, 2, 3, 4, 5].map((k) => first + 10 * k));
  });

  it.each(FIRST.filter(([s]) => s <= 25))(
    'start level %i agrees with the spec formula',
    (start, first) => {
      expect(first).toBe(Math.min((start + 1) * 10, Math.max(100, start * 10 - 50)));
    },
  );

  it('levels go on past 29 (start 0 reaches level 35 at 350 lines)', () => {
    const s = stateWith({ levelNumber: 0 });
    while (s.lines < 350) incrementLines(s);
    expect(s.levelNumber).toBe(35);
  });

  it('a multi-line clear crossing a multiple of ten raises the level once at that line', () => {
    const s = stateWith({ levelNumber: 0, lines: 8 });
    const ups = [1, 2, 3, 4].map(() => incrementLines(s));
    expect(ups).toEqual([false, true, false, false]);
    expect(s.levelNumber).toBe(1);
  });
});

describe('line clear points (addLineClearPoints, pointsTable)', () => {
  // prettier-ignore
  it.each([
    [1, 0, 40], [2, 0, 100], [3, 0, 300], [4, 0, 1200],
    [1, 9, 400], [2, 9, 1000], [3, 9, 3000], [4, 9, 12000],
    [4, 18, 22800], [4, 19, 24000], [1, 29, 1200], [4, 29, 36000], [4, 30, 37200],
  ])('%i lines at level %i score %i', (lines, level, points) => {
    const s = stateWith({ levelNumber: level });
    addLineClearPoints(s, lines);
    expect(scoreValue(s)).toBe(points);
  });

  it('adds on top of an existing score with decimal carries', () => {
    const s = stateWith({ levelNumber: 5, score: 99_960 });
    addLineClearPoints(s, 1);
    expect(scoreValue(s)).toBe(100_200);
  });

  it('stops at 999,999', () => {
    const s = stateWith({ levelNumber: 19, score: 990_000 });
    addLineClearPoints(s, 4);
    expect(scoreValue(s)).toBe(999_999);
    addLineClearPoints(s, 1);
    expect(scoreValue(s)).toBe(999_999);
  });

  it('resets the hold-down count', () => {
    const s = stateWith({ holdDownPoints: 7 });
    addLineClearPoints(s, 0);
    expect(s.holdDownPoints).toBe(0);
    expect(scoreValue(s)).toBe(0);
  });
});

describe('hold-down points (addHoldDownPoints, with its decimal quirk)', () => {
  it.each([
    // [score before, rows counted, score after]
    [0, 0, 0],
    [0, 1, 0],
    [0, 2, 1],
    [0, 11, 10],
    [5, 10, 14],
    [10, 12, 21],
    // The quirk: the count is added in binary to the low byte, fixed up once per nibble.
    [9, 16, 18], // 0x08 + 0x10 = 0x18: correct would be 24
    [90, 20, 0 + 100], // 0x89 + 0x14 = 0x9D -> 0xA3 -> high-nibble fix drops the 3: 100, not 109
    [95, 8, 100], // 0x94 + 8 = 0x9C -> 0xA2 -> 0x00 + carry: 100, not 102
    [1234, 3, 1236],
  ])('score %i with %i rows becomes %i', (before, rows, after) => {
    const s = stateWith({ score: before, holdDownPoints: rows });
    addHoldDownPoints(s);
    expect(scoreValue(s)).toBe(after);
  });
});
