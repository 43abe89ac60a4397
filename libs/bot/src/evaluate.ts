/** Weights of the El-Tetris style heuristic (Yiyuan Lee's genetic-algorithm tuned values). */
export const WEIGHTS = {
  aggregateHeight: -0.510066,
  completeLines: 0.760666,
  holes: -0.35663,
  bumpiness: -0.184483,
} as const;

const ROWS = 20;
const COLS = 10;

/** Board features after removing complete rows. */
export interface BoardFeatures {
  aggregateHeight: number;
  completeLines: number;
  holes: number;
  bumpiness: number;
  maxHeight: number;
}

/** Measures a 200-cell row-major board (0 = empty), treating complete rows as already cleared. */
export function boardFeatures(board: Uint8Array): BoardFeatures {
  let completeLines = 0;
  const full = new Uint8Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    let n = 0;
    for (let c = 0; c < COLS; c++) if (board[r * COLS + c] !== 0) n++;
    if (n === COLS) {
      full[r] = 1;
      completeLines++;
    }
  }
  let aggregateHeight = 0;
  let holes = 0;
  let bumpiness = 0;
  let maxHeight = 0;
  let prev = -1;
  for (let c = 0; c < COLS; c++) {
    // Walk the column bottom-up over the rows that remain after the clear.
    let height = 0;
    let remaining = 0;
    let colHoles = 0;
    let emptyRun = 0;
    for (let r = ROWS - 1; r >= 0; r--) {
      if (full[r] === 1) continue;
      remaining++;
      if (board[r * COLS + c] !== 0) {
        height = remaining;
        colHoles += emptyRun;
        emptyRun = 0;
      } else {
        emptyRun++;
      }
    }
    holes += colHoles;
    aggregateHeight += height;
    if (height > maxHeight) maxHeight = height;
    if (prev >= 0) bumpiness += Math.abs(height - prev);
    prev = height;
  }
  return { aggregateHeight, completeLines, holes, bumpiness, maxHeight };
}

/** The heuristic value of a board: higher is better. */
export function scoreBoard(board: Uint8Array): number {
  const f = boardFeatures(board);
  return (
    WEIGHTS.aggregateHeight * f.aggregateHeight +
    WEIGHTS.completeLines * f.completeLines +
    WEIGHTS.holes * f.holes +
    WEIGHTS.bumpiness * f.bumpiness
  );
}
