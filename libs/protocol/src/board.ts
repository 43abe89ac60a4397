/** Cells in the visible well (10 columns x 20 rows). */
export const BOARD_CELLS = 200;

/** Characters in a packed board string: two cells per character. */
export const BOARD_STRING_LENGTH = BOARD_CELLS / 2;

/** Cell pair (a, b) is the character with code 48 + a * 8 + b: '0' (48) through 'o' (111), all ASCII. */
const BASE = 48;

/** The empty board string. */
export const EMPTY_BOARD = '0'.repeat(BOARD_STRING_LENGTH);

/**
 * Packs 200 cell values (0 empty, 1..7 piece type + 1; row-major from the top) into the board
 * string of the room state: two cells per character, so a board costs 100 bytes on the wire.
 */
export function packBoard(cells: ArrayLike<number>): string {
  const codes = new Array<number>(BOARD_STRING_LENGTH);
  for (let i = 0; i < BOARD_STRING_LENGTH; i++) {
    codes[i] = BASE + (((cells[2 * i] ?? 0) & 7) << 3) + ((cells[2 * i + 1] ?? 0) & 7);
  }
  return String.fromCharCode(...codes);
}

/** Unpacks a board string into `out` (or a new array): cell (row, col) is `out[row * 10 + col]`. */
export function unpackBoard(board: string, out = new Uint8Array(BOARD_CELLS)): Uint8Array {
  for (let i = 0; i < BOARD_STRING_LENGTH; i++) {
    const v = (board.charCodeAt(i) - BASE) & 63;
    out[2 * i] = v >> 3;
    out[2 * i + 1] = v & 7;
  }
  return out;
}
