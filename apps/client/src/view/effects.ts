import type { GameView } from '@tengen/engine';

/** Frames per curtain row after a top-out (`updateGameOverCurtain` lowers it every 4 frames). */
export const CURTAIN_FRAMES_PER_ROW = 4;
/** Rows in the well. */
export const WELL_ROWS = 20;

/**
 * True on the frames of a Tetris (four-line) clear when the screen flashes: the NES alternates the
 * background every four frames while the four rows are being cleared.
 */
export function tetrisFlash(view: Pick<GameView, 'phase' | 'clearingRows' | 'frame'>): boolean {
  return (
    view.phase === 'lineClear' && view.clearingRows.length === 4 && ((view.frame >> 2) & 1) === 0
  );
}

/** Rows covered by the game-over curtain, from the top, `frames` after the top-out (0..20). */
export function curtainRows(frames: number): number {
  if (!(frames > 0)) return 0;
  return Math.min(WELL_ROWS, Math.floor(frames / CURTAIN_FRAMES_PER_ROW) + 1);
}

/** True once the curtain has closed and the game-over menu may appear. */
export function curtainDone(frames: number): boolean {
  return frames >= WELL_ROWS * CURTAIN_FRAMES_PER_ROW;
}
