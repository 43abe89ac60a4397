import { describe, expect, it } from 'vitest';
import { Button, GameEvent } from './buttons.ts';
import {
  PIECE_TYPES,
  ROTATE_A,
  ROTATE_B,
  SPAWN_ORIENTATION,
  TYPE_OF_ORIENTATION,
} from './pieces.ts';
import { framesWith, gameWith, run } from './test-kit.ts';

// rotationTable: A steps clockwise, B counter-clockwise, through each piece's orientation IDs.
const CYCLES: Record<string, number[]> = {
  T: [0x00, 0x01, 0x02, 0x03], // up, right, down, left
  J: [0x04, 0x05, 0x06, 0x07], // left, up, right, down
  Z: [0x08, 0x09],
  O: [0x0a],
  S: [0x0b, 0x0c],
  L: [0x0d, 0x0e, 0x0f, 0x10], // right, down, left, up
  I: [0x11, 0x12],
};

describe('rotation (rotate_tetrimino, rotationTable)', () => {
  it.each(Object.entries(CYCLES))(
    '%s: A goes forward and B backward through its orientations',
    (type, ids) => {
      ids.forEach((id, i) => {
        expect(PIECE_TYPES[TYPE_OF_ORIENTATION[id]!]).toBe(type);
        expect(ROTATE_A[id]).toBe(ids[(i + 1) % ids.length]);
        expect(ROTATE_B[id]).toBe(ids[(i + ids.length - 1) % ids.length]);
      });
    },
  );

  it('spawn orientations (spawnTable): T $02, J $07, Z $08, O $0A, S $0B, L $0E, I $12', () => {
    expect(Array.from(SPAWN_ORIENTATION)).toEqual([0x02, 0x07, 0x08, 0x0a, 0x0b, 0x0e, 0x12]);
  });

  it.each([0x02, 0x07, 0x0e])(
    'in game: A then B from orientation %i returns to it',
    (orientation) => {
      const game = gameWith({ orientation, x: 5, y: 5 });
      const log = run(game, 3, (i) => [Button.A, 0, Button.B][i]!);
      expect(framesWith(log, GameEvent.Rotate)).toEqual([0, 2]);
      expect(game.orientation).toBe(orientation);
    },
  );

  it('A wins when A and B are newly pressed together', () => {
    const game = gameWith({ orientation: 0x02, x: 5, y: 5 });
    run(game, 1, Button.A | Button.B);
    expect(game.orientation).toBe(ROTATE_A[0x02]);
  });

  it('holding A rotates once; it must be released to rotate again', () => {
    const game = gameWith({ orientation: 0x02, x: 5, y: 5 });
    expect(framesWith(run(game, 10, Button.A), GameEvent.Rotate)).toEqual([0]);
  });

  it('a rotation into the wall is cancelled (no wall kicks)', () => {
    // I horizontal at x=2 spans columns 0..3; vertical at row y-2..y+1 is fine, but at x=0 with
    // the I vertical ($11) rotating to horizontal needs column -2: cancelled.
    const game = gameWith({ orientation: 0x11, x: 0, y: 5 });
    const log = run(game, 1, Button.A);
    expect(framesWith(log, GameEvent.Rotate)).toEqual([]);
    expect(game.orientation).toBe(0x11);
  });

  it('a rotation into the stack is cancelled', () => {
    // I horizontal ($12) lying on row 18 over a row 19 that is full except column 9.
    const game = gameWith({ orientation: 0x12, x: 5, y: 18, rows: ['#########.'] });
    run(game, 1, Button.A); // I vertical would cover rows 16..19 in column 5: (5,19) is filled
    expect(game.orientation).toBe(0x12);
    const free = gameWith({ orientation: 0x12, x: 5, y: 17, rows: ['#########.'] });
    run(free, 1, Button.A); // one row higher it fits (rows 15..18)
    expect(free.orientation).toBe(0x11);
  });

  it('cells above row 0 are valid positions: an I can stand vertical at row 0', () => {
    const game = gameWith({ orientation: 0x12, x: 5, y: 0 });
    run(game, 1, Button.A);
    expect(game.orientation).toBe(0x11); // rows -2..1
  });
});
