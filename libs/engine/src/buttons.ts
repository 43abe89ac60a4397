/**
 * Controller buttons as bits of one frame's input mask. Start (pause) is deliberately absent:
 * a paused game is simply not stepped by its caller.
 */
export const Button = { Left: 1, Right: 2, Down: 4, A: 8, B: 16 } as const;

/** Every bit a frame's input may carry; anything else is rejected by replay validation. */
export const BUTTON_MASK = 0x1f;

/** One button's name. */
export type ButtonName = keyof typeof Button;

/**
 * Bits returned by `Game.step` for the frame just simulated, for sound and animation.
 * Several may be set at once (e.g. Shift | Rotate).
 */
export const GameEvent = {
  /** A new piece entered the well (`playState_spawnNextTetrimino`). */
  Spawn: 1,
  /** The piece moved one column (`shift_tetrimino`). */
  Shift: 2,
  /** The piece rotated (`rotate_tetrimino`). */
  Rotate: 4,
  /** The piece moved down one row because Down is held (`drop_tetrimino` autorepeat). */
  SoftDrop: 8,
  /** The piece moved down one row by gravity. */
  Fall: 16,
  /** The piece touched down and waits to be written into the playfield. */
  Land: 32,
  /** The piece was written into the playfield (`playState_lockTetrimino`). */
  Lock: 64,
  /** Completed rows were found; the clear animation starts (`playState_checkForCompletedRows`). */
  LineClearStart: 128,
  /** Lines and score were updated for cleared rows; count in `Game.lastClearCount`. */
  LinesCleared: 256,
  /** The level rose (`playState_updateLinesAndStatistics`). */
  LevelUp: 512,
  /** The piece overlapped the stack when it came to lock: the game is over. */
  TopOut: 1024,
  /** The line-clear animation blanked two more columns (`updateLineClearingAnimation`). */
  ClearStep: 2048,
  /**
   * Only for a game fed by a piece source: this frame would spawn a piece the source does not hold
   * yet, so nothing happened (the frame was not played). Step again once the piece is known.
   */
  NeedsPiece: 4096,
} as const;

/** One event's name. */
export type GameEventName = keyof typeof GameEvent;
