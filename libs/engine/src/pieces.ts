/** The seven piece types in the ROM's order (`tetriminoTypeFromOrientation`); index + 1 is a board cell value. */
export const PIECE_TYPES = ['T', 'J', 'Z', 'O', 'S', 'L', 'I'] as const;

/** A piece type letter. */
export type PieceType = (typeof PIECE_TYPES)[number];

/** The ROM's "hidden" orientation, set while rows clear. */
export const HIDDEN_ORIENTATION = 0x13;

// orientationTable: for each orientation four minos as (row offset, column offset) pairs.
// prettier-ignore
const ORIENTATION_CELLS: readonly (readonly number[])[] = [
  [0, -1, 0, 0, 0, 1, -1, 0], // $00 T up
  [-1, 0, 0, 0, 0, 1, 1, 0], // $01 T right
  [0, -1, 0, 0, 0, 1, 1, 0], // $02 T down (spawn)
  [-1, 0, 0, -1, 0, 0, 1, 0], // $03 T left
  [-1, 0, 0, 0, 1, -1, 1, 0], // $04 J left
  [-1, -1, 0, -1, 0, 0, 0, 1], // $05 J up
  [-1, 0, -1, 1, 0, 0, 1, 0], // $06 J right
  [0, -1, 0, 0, 0, 1, 1, 1], // $07 J down (spawn)
  [0, -1, 0, 0, 1, 0, 1, 1], // $08 Z horizontal (spawn)
  [-1, 1, 0, 0, 0, 1, 1, 0], // $09 Z vertical
  [0, -1, 0, 0, 1, -1, 1, 0], // $0A O (spawn)
  [0, 0, 0, 1, 1, -1, 1, 0], // $0B S horizontal (spawn)
  [-1, 0, 0, 0, 0, 1, 1, 1], // $0C S vertical
  [-1, 0, 0, 0, 1, 0, 1, 1], // $0D L right
  [0, -1, 0, 0, 0, 1, 1, -1], // $0E L down (spawn)
  [-1, -1, -1, 0, 0, 0, 1, 0], // $0F L left
  [-1, 1, 0, -1, 0, 0, 0, 1], // $10 L up
  [-2, 0, -1, 0, 0, 0, 1, 0], // $11 I vertical
  [0, -2, 0, -1, 0, 0, 0, 1], // $12 I horizontal (spawn)
];

/** Row offsets, 4 per orientation (index orientation * 4 + mino). */
export const CELL_DY = Int8Array.from(
  ORIENTATION_CELLS.flatMap((c) => [c[0]!, c[2]!, c[4]!, c[6]!]),
);
/** Column offsets, 4 per orientation. */
export const CELL_DX = Int8Array.from(
  ORIENTATION_CELLS.flatMap((c) => [c[1]!, c[3]!, c[5]!, c[7]!]),
);

// rotationTable: per orientation the result of B (counter-clockwise) then A (clockwise).
// prettier-ignore
const ROTATION_PAIRS: readonly (readonly [number, number])[] = [
  [3, 1], [0, 2], [1, 3], [2, 0], // T
  [7, 5], [4, 6], [5, 7], [6, 4], // J
  [9, 9], [8, 8], // Z
  [10, 10], // O
  [12, 12], [11, 11], // S
  [16, 14], [13, 15], [14, 16], [15, 13], // L
  [18, 18], [17, 17], // I
];

/** Orientation after pressing A (clockwise), indexed by orientation. */
export const ROTATE_A = Uint8Array.from(ROTATION_PAIRS.map((p) => p[1]));
/** Orientation after pressing B (counter-clockwise), indexed by orientation. */
export const ROTATE_B = Uint8Array.from(ROTATION_PAIRS.map((p) => p[0]));

/** Piece type index (0..6) of each orientation (`tetriminoTypeFromOrientation`). */
// prettier-ignore
export const TYPE_OF_ORIENTATION = Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 4, 4, 5, 5, 5, 5, 6, 6]);

/** Spawn orientation of each piece type (`spawnTable`): T $02, J $07, Z $08, O $0A, S $0B, L $0E, I $12. */
export const SPAWN_ORIENTATION = Uint8Array.from([0x02, 0x07, 0x08, 0x0a, 0x0b, 0x0e, 0x12]);

/** Distinct orientations reachable by each piece type, spawn orientation first. */
export const ORIENTATIONS_OF_TYPE: readonly (readonly number[])[] = [
  [2, 3, 0, 1],
  [7, 4, 5, 6],
  [8, 9],
  [10],
  [11, 12],
  [14, 15, 16, 13],
  [18, 17],
];
