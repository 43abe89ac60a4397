import { drawPiece } from './randomizer.ts';
import { PlayState } from './play-state.ts';
import { SPAWN_ORIENTATION } from './pieces.ts';

/** Bytes in the ROM's playfield page: rows 0-19 are 0-199, cells above row 0 wrap into 236-255. */
export const PLAYFIELD_BYTES = 256;
/** Visible cells: 10 columns x 20 rows. */
export const BOARD_CELLS = 200;
/** `INITIAL_AUTOREPEAT_Y` (NTSC $A0): the first piece waits 96 frames. */
export const INITIAL_AUTOREPEAT_Y = -96;
/** `vramRow` value meaning "playfield copy complete". */
export const VRAM_ROW_DONE = 32;

/**
 * The whole mutable game: the ROM's player variables plus the playfield page. Internal to the
 * engine; callers use `Game`. Every field is an integer or a typed array so a frame allocates nothing.
 */
export class GameState {
  /** Playfield page, row * 10 + column (mod 256); 0 empty, 1..7 piece type + 1. */
  board = new Uint8Array(PLAYFIELD_BYTES);
  /** Rows 0-19 as they were before this clear's first row moved, for the clear animation. */
  clearBoard = new Uint8Array(BOARD_CELLS);
  seed = 1;
  startLevel = 0;
  /** `tetriminoX`, `tetriminoY`, `currentPiece` (orientation ID). */
  x = 5;
  y = 0;
  orientation = 0;
  /** Type index (0..6) of `nextPiece`. */
  nextType = 0;
  levelNumber = 0;
  fallTimer = 0;
  autorepeatX = 0;
  autorepeatY = INITIAL_AUTOREPEAT_Y;
  holdDownPoints = 0;
  playState: number = PlayState.Control;
  vramRow = 0;
  lineIndex = 0;
  completedLines = 0;
  /** Rows found complete by this clear, -1 where `completedRow` holds none. */
  clearRows = Int8Array.from([-1, -1, -1, -1]);
  rowY = 0;
  /** Lines as a plain count; the level rule re-derives the ROM's BCD digits from it. */
  lines = 0;
  /** Score as the ROM's three BCD bytes, low first. */
  score0 = 0;
  score1 = 0;
  score2 = 0;
  /** Pieces spawned per type (`statsByType`). */
  stats = new Uint32Array(7);
  rng = 1;
  spawnCount = 0;
  spawnId = 0;
  /** Frames stepped so far; the low bits are the ROM's `frameCounter`. */
  frame = 0;
  /** Buttons held in the previous frame (for "newly pressed"). */
  held = 0;
  /** Rows cleared by the most recent clear. */
  lastClearCount = 0;
}

/** A fresh game as `gameModeState_initGameState` leaves it, with the spec's draw order. */
export function createState(seed: number, startLevel: number): GameState {
  const s = new GameState();
  s.seed = seed;
  s.startLevel = startLevel;
  s.levelNumber = startLevel;
  s.rng = seed;
  const first = drawPiece(s);
  s.orientation = SPAWN_ORIENTATION[first]!;
  s.stats[first] = 1;
  s.nextType = drawPiece(s);
  return s;
}

/** A deep copy, sharing nothing with the original. */
export function cloneState(src: GameState): GameState {
  const s = Object.assign(new GameState(), src);
  s.board = src.board.slice();
  s.clearBoard = src.clearBoard.slice();
  s.clearRows = src.clearRows.slice();
  s.stats = src.stats.slice();
  return s;
}
