import { describe, expect, it } from 'vitest';
import { boardFeatures, scoreBoard } from './evaluate.ts';
import { moveButtons } from './planner.ts';

function board(rows: string[]): Uint8Array {
  const b = new Uint8Array(200);
  rows.forEach((line, i) => {
    const row = 20 - rows.length + i;
    for (let c = 0; c < 10; c++) if (line[c] === '#') b[row * 10 + c] = 1;
  });
  return b;
}

describe('board heuristic', () => {
  it('measures heights, holes, bumpiness and complete lines', () => {
    const f = boardFeatures(board(['#.........', '#.#.......', '##########']));
    // Row 19 is complete and removed first: heights 2,0,1,0..., one hole? none: column 0 is solid.
    expect(f).toEqual({
      aggregateHeight: 3,
      completeLines: 1,
      holes: 0,
      bumpiness: 2 + 1 + 1,
      maxHeight: 2,
    });
    expect(boardFeatures(board(['#.........', '..........', '#.........'])).holes).toBe(1);
  });

  it('prefers flat boards without holes', () => {
    expect(scoreBoard(board(['##........']))).toBeGreaterThan(
      scoreBoard(board(['#.........', '#.........'])),
    );
    // Same three cells; the second board covers a hole in column 0.
    expect(scoreBoard(board(['.#........', '##........']))).toBeGreaterThan(
      scoreBoard(board(['##........', '.#........'])),
    );
  });
});

describe('move buttons', () => {
  it('taps on even frames, releases on odd ones, then holds Down', () => {
    const move = { rotations: 2, shift: -3, softDrop: true };
    expect(Array.from({ length: 9 }, (_, f) => moveButtons(move, f))).toEqual([
      9, 0, 9, 0, 1, 0, 4, 4, 4,
    ]);
    const ccw = { rotations: -1, shift: 0, softDrop: false };
    expect(Array.from({ length: 4 }, (_, f) => moveButtons(ccw, f))).toEqual([16, 0, 0, 0]);
  });
});
