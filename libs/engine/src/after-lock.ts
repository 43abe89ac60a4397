import { GameEvent } from './buttons.ts';
import { isPositionValid, updatePlayfield } from './control.ts';
import {
  CELL_DX,
  CELL_DY,
  HIDDEN_ORIENTATION,
  SPAWN_ORIENTATION,
  TYPE_OF_ORIENTATION,
} from './pieces.ts';
import { PlayState } from './play-state.ts';
import { addHoldDownPoints, addLineClearPoints, incrementLines } from './scoring.ts';
import { BOARD_CELLS, nextDrawIndex, nextPiece, VRAM_ROW_DONE, type GameState } from './state.ts';

/**
 * `playState_lockTetrimino`: a piece that overlaps the stack tops the game out; otherwise it is
 * written into the playfield once the row copy has finished.
 */
export function lockTetrimino(s: GameState): number {
  if (!isPositionValid(s.board, s.orientation, s.x, s.y)) {
    s.playState = PlayState.TopOut;
    return GameEvent.TopOut;
  }
  if (s.vramRow < VRAM_ROW_DONE) return 0;
  const cell = TYPE_OF_ORIENTATION[s.orientation]! + 1;
  const base = s.orientation * 4;
  for (let i = base; i < base + 4; i++) {
    s.board[((s.y + CELL_DY[i]!) * 10 + s.x + CELL_DX[i]!) & 0xff] = cell;
  }
  s.lineIndex = 0;
  updatePlayfield(s);
  s.playState = PlayState.CheckRows;
  return GameEvent.Lock;
}

/**
 * `playState_checkForCompletedRows`: after the row copy, one row per frame from two rows above the
 * piece; a full row is removed at once by moving everything above it down ten bytes.
 */
export function checkForCompletedRows(s: GameState): number {
  if (s.vramRow < VRAM_ROW_DONE) return 0;
  const row = (s.y - 2 < 0 ? 0 : s.y - 2) + s.lineIndex;
  const start = (row * 10) & 0xff;
  const board = s.board;
  let full = true;
  for (let i = start; i < start + 10; i++) {
    if (board[i] === 0) {
      full = false;
      break;
    }
  }
  if (full) {
    if (s.completedLines === 0) s.clearBoard.set(board.subarray(0, BOARD_CELLS));
    s.completedLines++;
    s.clearRows[s.lineIndex] = row;
    // @movePlayfieldDownOneRow: bytes start-1 .. 0 move down ten; a write past the page is lost.
    for (let i = (start - 1) & 0xff; i >= 0; i--) {
      if (i + 10 < 256) board[i + 10] = board[i]!;
    }
    board.fill(0, 0, 10);
    s.orientation = HIDDEN_ORIENTATION;
  } else {
    s.clearRows[s.lineIndex] = -1;
  }
  if (++s.lineIndex < 4) return 0;
  s.vramRow = 0;
  s.rowY = 0;
  s.lastClearCount = s.completedLines;
  if (s.completedLines === 0) {
    s.playState = PlayState.UpdateLines;
    return 0;
  }
  s.playState = PlayState.LineClear;
  return GameEvent.LineClearStart;
}

/** `updateLineClearingAnimation` (vblank): two more columns blank on frames where frameCounter % 4 == 0. */
export function updateLineClearingAnimation(s: GameState): number {
  if ((s.frame & 3) !== 0) return 0;
  if (++s.rowY >= 5) s.playState = PlayState.UpdateLines;
  return GameEvent.ClearStep;
}

/** `playState_updateLinesAndStatistics`, `addHoldDownPoints`, `addLineClearPoints`. */
export function updateLinesAndStatistics(s: GameState): number {
  let events = 0;
  const cleared = s.completedLines;
  if (cleared !== 0) {
    events |= GameEvent.LinesCleared;
    for (let n = 0; n < cleared; n++) {
      if (incrementLines(s)) events |= GameEvent.LevelUp;
    }
  }
  addHoldDownPoints(s);
  addLineClearPoints(s, cleared);
  s.completedLines = 0;
  s.playState = PlayState.BTypeGoal;
  return events;
}

/** `playState_spawnNextTetrimino`: after the row copy, the next piece enters at (5, 0). */
export function spawnNextTetrimino(s: GameState): number {
  if (s.vramRow < VRAM_ROW_DONE) return 0;
  s.fallTimer = 0;
  s.y = 0;
  s.x = 5;
  s.playState = PlayState.Control;
  const index = nextDrawIndex(s);
  s.orientation = SPAWN_ORIENTATION[s.nextType]!;
  s.stats[s.nextType]!++;
  s.nextType = nextPiece(s, index);
  s.autorepeatY = 0;
  return GameEvent.Spawn;
}
