import { Button, GameEvent } from './buttons.ts';
import { framesPerDrop } from './gravity.ts';
import { CELL_DX, CELL_DY, ROTATE_A, ROTATE_B } from './pieces.ts';
import { PlayState } from './play-state.ts';
import type { GameState } from './state.ts';

const LEFT_RIGHT = Button.Left | Button.Right;
const DPAD = Button.Left | Button.Right | Button.Down;
/** `DAS_RESET` and `DAS_DELAY` (NTSC). */
const DAS_RESET = 16;
const DAS_DELAY = 10;

/**
 * `isPositionValid`: every mino's row must be in -2..19, its column in 0..9 and its playfield
 * byte ((row * 10 + column) mod 256, so rows above 0 land in the hidden bytes) empty.
 */
export function isPositionValid(
  board: Uint8Array,
  orientation: number,
  x: number,
  y: number,
): boolean {
  const base = orientation * 4;
  for (let i = base; i < base + 4; i++) {
    const row = y + CELL_DY[i]!;
    const col = x + CELL_DX[i]!;
    if (((row + 2) & 0xff) >= 22 || (col & 0xff) >= 10) return false;
    if (board[(row * 10 + col) & 0xff] !== 0) return false;
  }
  return true;
}

/** `shift_tetrimino`: DAS 16/6, blocked shifts charge the counter, nothing shifts while Down is held. */
export function shiftTetrimino(s: GameState, held: number, newly: number): number {
  if ((held & Button.Down) !== 0) return 0;
  if ((newly & LEFT_RIGHT) !== 0) {
    s.autorepeatX = 0;
  } else {
    if ((held & LEFT_RIGHT) === 0) return 0;
    if (++s.autorepeatX < DAS_RESET) return 0;
    s.autorepeatX = DAS_DELAY;
  }
  // @buttonHeldDown: Right wins when both are held.
  const dir = (held & Button.Right) !== 0 ? 1 : (held & Button.Left) !== 0 ? -1 : 0;
  if (dir === 0) return 0;
  if (isPositionValid(s.board, s.orientation, s.x + dir, s.y)) {
    s.x += dir;
    return GameEvent.Shift;
  }
  s.autorepeatX = DAS_RESET;
  return 0;
}

/** `rotate_tetrimino`: A clockwise, else B counter-clockwise; an invalid result is cancelled. */
export function rotateTetrimino(s: GameState, newly: number): number {
  let next: number;
  if ((newly & Button.A) !== 0) next = ROTATE_A[s.orientation]!;
  else if ((newly & Button.B) !== 0) next = ROTATE_B[s.orientation]!;
  else return 0;
  if (!isPositionValid(s.board, next, s.x, s.y)) return 0;
  s.orientation = next;
  return GameEvent.Rotate;
}

/** `updatePlayfield`: restart the row copy from two rows above the piece if that is earlier. */
export function updatePlayfield(s: GameState): void {
  const row = s.y - 2 < 0 ? 0 : s.y - 2;
  if (row < s.vramRow) s.vramRow = row;
}

/** `drop_tetrimino`: first-piece delay, soft drop every 2 frames, gravity, landing. */
export function dropTetrimino(s: GameState, held: number, newly: number): number {
  if (s.autorepeatY < 0) {
    // Beginning of the game: no gravity until the delay runs out or Down is newly pressed.
    if ((newly & Button.Down) === 0) {
      s.autorepeatY++;
      return 0;
    }
    s.autorepeatY = 0;
  }
  let soft = false;
  if (s.autorepeatY === 0) {
    // @playing: a fresh Down press with neither Left nor Right held starts a soft drop.
    if ((held & LEFT_RIGHT) === 0 && (newly & DPAD) === Button.Down) s.autorepeatY = 1;
  } else if ((held & DPAD) !== Button.Down) {
    s.autorepeatY = 0;
    s.holdDownPoints = 0;
  } else if (++s.autorepeatY >= 3) {
    s.autorepeatY = 1;
    s.holdDownPoints++;
    soft = true;
  }
  // @lookupDropSpeed: signed 8-bit compare of the fall timer with the level's speed.
  if (!soft && ((s.fallTimer - framesPerDrop(s.levelNumber)) & 0x80) !== 0) return 0;
  s.fallTimer = 0;
  if (isPositionValid(s.board, s.orientation, s.x, s.y + 1)) {
    s.y++;
    return soft ? GameEvent.SoftDrop : GameEvent.Fall;
  }
  s.playState = PlayState.Lock;
  updatePlayfield(s);
  return GameEvent.Land;
}
