// A cheap player for the load generator: the test bot's moves (`candidateMoves`, `moveButtons`) and
// heuristic weights (`WEIGHTS`), but each candidate's landing is found on the board directly instead
// of by stepping a cloned game to its lock. About 20 times cheaper a piece than `Bot`, so one core
// can drive thousands of players; its games last minutes, as the bot's and people's do.
import { candidateMoves, moveButtons, WEIGHTS, type Move } from '@tengen/bot';
import { CELL_DX, CELL_DY, ROTATE_A, ROTATE_B, type Game } from '@tengen/engine';

const COLS = 10;
const ROWS = 20;
const board = new Uint8Array(ROWS * COLS);
const heights = new Int8Array(COLS);
const moves = Array.from({ length: 7 }, (_, t) => candidateMoves(t, true));

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

/** `WEIGHTS`' value of the board with orientation `o` dropped at column `x` from row `y`. */
function landingValue(o: number, x: number, y: number): number {
  if (!fits(o, x, y)) return -Infinity;
  while (fits(o, x, y + 1)) y++;
  const cells: number[] = [];
  for (let i = 0; i < 4; i++) {
    const cy = y + CELL_DY[o * 4 + i]!;
    if (cy < 0) return -Infinity; // locked above the top: a top-out
    cells.push(cy * COLS + x + CELL_DX[o * 4 + i]!);
  }
  for (const c of cells) board[c] = 1;
  let complete = 0;
  for (let r = 0; r < ROWS; r++) {
    let n = 0;
    for (let c = 0; c < COLS; c++) n += board[r * COLS + c] !== 0 ? 1 : 0;
    if (n === COLS) complete++;
  }
  let aggregate = 0;
  let holes = 0;
  let bumpiness = 0;
  for (let c = 0; c < COLS; c++) {
    let h = 0;
    for (let r = 0; r < ROWS; r++)
      if (board[r * COLS + c] !== 0) {
        if (h === 0) h = ROWS - r;
      } else if (h !== 0) holes++;
    heights[c] = h;
    aggregate += h;
    if (c > 0) bumpiness += Math.abs(h - heights[c - 1]!);
  }
  for (const c of cells) board[c] = 0;
  return (
    WEIGHTS.aggregateHeight * (aggregate - complete * COLS) +
    WEIGHTS.completeLines * complete +
    WEIGHTS.holes * holes +
    WEIGHTS.bumpiness * bumpiness
  );
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
