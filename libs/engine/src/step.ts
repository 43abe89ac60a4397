import {
  checkForCompletedRows,
  lockTetrimino,
  spawnNextTetrimino,
  updateLineClearingAnimation,
  updateLinesAndStatistics,
} from './after-lock.ts';
import { BUTTON_MASK, GameEvent } from './buttons.ts';
import { dropTetrimino, rotateTetrimino, shiftTetrimino } from './control.ts';
import { PlayState } from './play-state.ts';
import { nextDrawIndex, pieceMissing, VRAM_ROW_DONE, type GameState } from './state.ts';

/**
 * One NES frame, in the ROM's order: the fall timer counts up
 * (`gameModeState_updateCountersAndNonPlayerState`), the play state's routine runs once
 * (`branchOnPlayStatePlayer1`), then the vblank (`render_mode_play_and_demo`) runs the line-clear
 * animation or copies four playfield rows, and the frame counter counts up. Returns event bits.
 * Version 2 loses the pass (not the vblank) of the frame after one held exactly Down+Left+Right.
 * A game fed by a piece source that would spawn this frame without knowing the piece it draws
 * does nothing at all (not even the frame counter) and returns `GameEvent.NeedsPiece`.
 */
export function stepState(s: GameState, buttons: number): number {
  if (s.playState === PlayState.TopOut) return 0;
  if (needsPiece(s)) return GameEvent.NeedsPiece;
  const held = buttons & BUTTON_MASK;
  const newly = held & ~s.held;
  // The NMI polls the controller every frame, lost or not (pollControllerButtons).
  s.held = held;
  if (s.lagFrame) {
    // Version 2: the last pass ended waiting for this frame's NMI; the main loop resumes at
    // gameModeState_startButtonHandling and gameModeState_vblankThenRunState2, so this frame runs
    // no fall timer, shift, rotation, drop or lock. A press on this frame is never seen as new.
    s.lagFrame = false;
    return vblank(s, 0);
  }
  s.fallTimer = (s.fallTimer + 1) & 0xff;
  let events = 0;
  switch (s.playState) {
    case PlayState.Control:
      events = shiftTetrimino(s, held, newly);
      events |= rotateTetrimino(s, newly);
      events |= dropTetrimino(s, held, newly);
      break;
    case PlayState.Lock:
      events = lockTetrimino(s);
      break;
    case PlayState.CheckRows:
      events = checkForCompletedRows(s);
      break;
    case PlayState.LineClear:
      break;
    case PlayState.UpdateLines:
      events = updateLinesAndStatistics(s);
      break;
    case PlayState.BTypeGoal:
      // playState_bTypeGoalCheck: an A-type game only advances.
      s.playState = PlayState.Garbage;
      break;
    case PlayState.Garbage:
      // playState_receiveGarbage: a one-player game only advances.
      s.playState = PlayState.Spawn;
      break;
    case PlayState.Spawn:
      events = spawnNextTetrimino(s);
      break;
  }
  // gameModeState_checkForResetKeyCombo returns with A = the held buttons; when that equals the
  // new gameModeState (7: exactly Down+Left+Right) the main loop waits for the NMI mid-pass.
  if (held === s.lagButtons) s.lagFrame = true;
  return vblank(s, events);
}

/** Vblank (`render_mode_play_and_demo`), then the frame counter; returns `events` plus its own. */
function vblank(s: GameState, events: number): number {
  if (s.playState === PlayState.LineClear) {
    events |= updateLineClearingAnimation(s);
    s.vramRow = 0;
  } else if (s.vramRow < 20) {
    // copyPlayfieldRowToVRAM x4: past row 19 the copy is complete ($20).
    s.vramRow += 4;
    if (s.vramRow >= 20) s.vramRow = VRAM_ROW_DONE;
  }
  s.frame++;
  return events;
}

/** True when this frame would spawn (`spawnNextTetrimino` after the row copy) a piece the source lacks. */
export function needsPiece(s: GameState): boolean {
  return (
    s.pieces !== null &&
    !s.lagFrame &&
    s.playState === PlayState.Spawn &&
    s.vramRow >= VRAM_ROW_DONE &&
    pieceMissing(s, nextDrawIndex(s))
  );
}
