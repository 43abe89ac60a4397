// A cheap player for the load generator: the test bot's moves (`candidateMoves`, `moveButtons`) and
// heuristic weights (`WEIGHTS`), but each candidate's landing is found on the board directly instead
// of by stepping a cloned game to its lock. About 20 times cheaper a piece than `Bot`, so one core
// can drive thousands of players; its games last minutes, as the bot's and people's do.
import { candidateMoves, moveButtons, WEIGHTS, type Move } from '@tengen/bot';
import { CELL_DX, CELL_DY, ROTATE_A, ROTATE_B, type Game } from '@tengen/engine';

const COLS = 10;
const ROWS = 20;
const board = new Uint8Array(ROWS * COLS);
/** The board being planned on, summed once per piece (`readBase`): each row's filled cells, each
 * column's height (0: empty) and filled cells, and its complete rows. */
const rowFill = new Uint8Array(ROWS);
const colHeight = new Int8Array(COLS);
const colFill = new Int8Array(COLS);
let baseComplete = 0;
/** One candidate's columns, and the rows and columns of its four cells. */
const heights = new Int8Array(COLS);
const fills = new Int8Array(COLS);
const cellRows = new Int8Array(4);
const cellCols = new Int8Array(4);
const moves = Array.from({ length: 7 }, (_, t) => candidateMoves(t, true));

/** Sums `board` (after it changed) for `landingValue`. */
function readBase(): void {
  baseComplete = 0;
  colHeight.fill(0);
  colFill.fill(0);
  for (let r = 0; r < ROWS; r++) {
    let n = 0;
    for (let c = 0; c < COLS; c++)
      if (board[r * COLS + c] !== 0) {
        n++;
        colFill[c]!++;
        if (colHeight[c] === 0) colHeight[c] = ROWS - r;
      }
    rowFill[r] = n;
    if (n === COLS) baseComplete++;
  }
}

/** True when orientation `o` at pivot (`x`, `y`) fits the board (rows above the top are free). */
function fits(o: number, x: number, y: number): boolean {
  for (let i = 0; i < 4; i++) {
    const cx = x + CELL_DX[o * 4 + i]!;
    const cy = y + CELL_DY[o * 4 + i]!;
    if (cx < 0 || cx >= COLS || cy >= ROWS) return false;
    if (cy >= 0 && board[cy * COLS + cx] !== 0) return false;
  }
  return true;
}

/**
 * `WEIGHTS`' value of the board with orientation `o` dropped at column `x` from row `y`: from the
 * sums `readBase` made and the four cells placed (a column's holes are its height less its filled
 * cells), the same value as scanning the whole board with the piece on it, without that scan.
 */
function landingValue(o: number, x: number, y: number): number {
  if (!fits(o, x, y)) return -Infinity;
  while (fits(o, x, y + 1)) y++;
  for (let i = 0; i < 4; i++) {
    const cy = y + CELL_DY[o * 4 + i]!;
    if (cy < 0) return -Infinity; // locked above the top: a top-out
    cellRows[i] = cy;
    cellCols[i] = x + CELL_DX[o * 4 + i]!;
  }
  heights.set(colHeight);
  fills.set(colFill);
  let complete = baseComplete;
  for (let i = 0; i < 4; i++) {
    const r = cellRows[i]!;
    const c = cellCols[i]!;
    fills[c]!++;
    if (heights[c]! < ROWS - r) heights[c] = ROWS - r;
    // A row completes once, counted at its first cell of the four.
    let first = true;
    let added = 0;
    for (let j = 0; j < 4; j++)
      if (cellRows[j] === r) {
        if (j < i) first = false;
        added++;
      }
    if (first && rowFill[r]! + added === COLS) complete++;
  }
  let aggregate = 0;
  let holes = 0;
  let bumpiness = 0;
  for (let c = 0; c < COLS; c++) {
    const h = heights[c]!;
    aggregate += h;
    holes += h - fills[c]!;
    if (c > 0) bumpiness += Math.abs(h - heights[c - 1]!);
  }
  return (
    WEIGHTS.aggregateHeight * (aggregate - complete * COLS) +
    WEIGHTS.completeLines * complete +
    WEIGHTS.holes * holes +
    WEIGHTS.bumpiness * bumpiness
  );
}

/** `landingValue` on `cells` (a 20 x 10 board, row by row): for the spec. */
export function landingValueOn(cells: Uint8Array, o: number, x: number, y: number): number {
  board.set(cells);
  readBase();
  return landingValue(o, x, y);
}

/** Plans each piece once, when it comes under control, then plays the plan frame by frame. */
export class QuickBot {
  #move: Move | undefined;
  #frame = 0;
  #piece = -1;

  /** Buttons for the frame about to be stepped. */
  next(game: Game): number {
    if (game.controllable && game.pieceCount !== this.#piece) {
      this.#piece = game.pieceCount;
      this.#move = plan(game);
      this.#frame = 0;
    }
    return this.#move ? moveButtons(this.#move, this.#frame++) : 0;
  }
}

function plan(game: Game): Move | undefined {
  game.readBoard(board);
  readBase();
  let best: Move | undefined;
  let bestValue = -Infinity;
  for (const move of moves[game.pieceTypeIndex] ?? []) {
    let o = game.orientation;
    if (move.rotations < 0) o = ROTATE_B[o]!;
    else for (let r = 0; r < move.rotations; r++) o = ROTATE_A[o]!;
    const value = landingValue(o, game.pieceX + move.shift, game.pieceY);
    if (value > bestValue || best === undefined) {
      best = move;
      bestValue = value;
    }
  }
  return best;
}
