/** Cells in the visible well (10 columns x 20 rows). */
export const BOARD_CELLS = 200;

/** The empty board string. */
export const EMPTY_BOARD = '0'.repeat(BOARD_CELLS);

const DIGITS = '01234567';

/** Packs 200 cell values (0 empty, 1..7 piece type + 1) into the 200-character board string. */
export function packBoard(cells: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < BOARD_CELLS; i++) out += DIGITS[(cells[i] ?? 0) & 7];
  return out;
}

/** Unpacks a board string into `out` (or a new array): cell (row, col) is `out[row * 10 + col]`. */
export function unpackBoard(board: string, out = new Uint8Array(BOARD_CELLS)): Uint8Array {
  for (let i = 0; i < BOARD_CELLS; i++) out[i] = (board.charCodeAt(i) - 48) & 7;
  return out;
}
