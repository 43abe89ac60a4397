import { CELL_DX, CELL_DY, PIECE_TYPES, TYPE_OF_ORIENTATION, type PieceType } from './pieces.ts';
import {
  phaseOf,
  PlayState,
  playStateName,
  type GamePhase,
  type PlayStateName,
} from './play-state.ts';
import { scoreValue } from './scoring.ts';
import { BOARD_CELLS, type GameState } from './state.ts';

/** The active piece as a renderer draws it. */
export interface PieceView {
  type: PieceType;
  /** Type index 0..6 (board cells use index + 1). */
  typeIndex: number;
  /** Orientation ID $00-$12. */
  orientation: number;
  x: number;
  y: number;
  /** The four minos as [column, row]; rows may be -1 or -2 above the well. */
  cells: [number, number][];
}

/** Everything a renderer needs for one frame, as plain data. */
export interface GameView {
  /** 200 cells, row-major from the top; 0 empty, 1..7 piece type index + 1. During a clear the
   * rows being cleared are shown as the animation has blanked them (centre outwards). */
  board: Uint8Array;
  piece: PieceView | null;
  next: PieceType;
  score: number;
  lines: number;
  level: number;
  startLevel: number;
  /** Pieces spawned per type, in PIECE_TYPES order. */
  stats: number[];
  phase: GamePhase;
  playState: PlayStateName;
  /** Rows being cleared (during 'lineClear'), top to bottom. */
  clearingRows: number[];
  /** Animation progress 0..5: columns 5-p..4+p of the clearing rows are already blank. */
  clearProgress: number;
  frame: number;
  topOut: boolean;
}

/** A renderer's view of a game state (allocates; `Game.view` calls it). */
export function buildView(s: GameState): GameView {
  const clearing = s.playState === PlayState.LineClear;
  // The screen keeps the pre-clear rows until the animation ends (rows move in RAM right away).
  const preClear = clearing || (s.playState === PlayState.CheckRows && s.completedLines > 0);
  const board = preClear ? s.clearBoard.slice() : s.board.slice(0, BOARD_CELLS);
  const clearingRows: number[] = [];
  if (clearing) {
    for (const row of s.clearRows) {
      if (row < 0 || row > 19) continue;
      clearingRows.push(row);
      for (let c = 5 - s.rowY; c < 5 + s.rowY; c++) board[row * 10 + c] = 0;
    }
  }
  let piece: PieceView | null = null;
  if (s.playState === PlayState.Control || s.playState === PlayState.Lock) {
    const o = s.orientation;
    const typeIndex = TYPE_OF_ORIENTATION[o]!;
    const cells: [number, number][] = [];
    for (let i = o * 4; i < o * 4 + 4; i++) cells.push([s.x + CELL_DX[i]!, s.y + CELL_DY[i]!]);
    piece = { type: PIECE_TYPES[typeIndex]!, typeIndex, orientation: o, x: s.x, y: s.y, cells };
  }
  return {
    board,
    piece,
    next: PIECE_TYPES[s.nextType]!,
    score: scoreValue(s),
    lines: s.lines,
    level: s.levelNumber,
    startLevel: s.startLevel,
    stats: Array.from(s.stats),
    phase: phaseOf(playStateName(s.playState)),
    playState: playStateName(s.playState),
    clearingRows,
    clearProgress: clearing ? s.rowY : 0,
    frame: s.frame,
    topOut: s.playState === PlayState.TopOut,
  };
}
