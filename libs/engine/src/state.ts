import type { PieceSource } from './piece-source.ts';
import { drawPiece } from './randomizer.ts';
import { PlayState } from './play-state.ts';
import { SPAWN_ORIENTATION } from './pieces.ts';
import { lagButtonsOf, UNVERSIONED_ENGINE_VERSION, type EngineVersion } from './versions.ts';

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
  /** 0 for a game fed by a piece source (its seed is kept elsewhere). */
  seed = 1;
  startLevel = 0;
  /** Where pieces come from instead of the generator (`rng`, `spawnCount`, `spawnId` then stay unused). */
  pieces: PieceSource | null = null;
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
  /** The rules version this game runs under. */
  version: EngineVersion = UNVERSIONED_ENGINE_VERSION;
  /** `lagButtonsOf(version)`, cached: the held mask that costs the next frame its pass (-1: none). */
  lagButtons = -1;
  /** Version 2: the next frame runs no gameplay pass (the last pass ended in an NMI wait). */
  lagFrame = false;
}

/**
 * A fresh game as `gameModeState_initGameState` leaves it, with the spec's draw order. With a
 * piece source (`seed` 0) the first two pieces come from it and must be known.
 */
export function createState(
  seed: number,
  startLevel: number,
  pieces: PieceSource | null = null,
  version: EngineVersion = UNVERSIONED_ENGINE_VERSION,
): GameState {
  const s = new GameState();
  s.version = version;
  s.lagButtons = lagButtonsOf(version);
  s.seed = seed;
  s.startLevel = startLevel;
  s.levelNumber = startLevel;
  s.rng = seed;
  s.pieces = pieces;
  const first = nextPiece(s, 0);
  s.orientation = SPAWN_ORIENTATION[first]!;
  s.stats[first] = 1;
  s.nextType = nextPiece(s, 1);
  return s;
}

/** Index of the piece the next spawn draws: every piece that entered the well, plus the NEXT. */
export function nextDrawIndex(s: GameState): number {
  const st = s.stats;
  return st[0]! + st[1]! + st[2]! + st[3]! + st[4]! + st[5]! + st[6]! + 1;
}

/** True when the game is fed by a piece source that does not hold piece `index` yet. */
export function pieceMissing(s: GameState, index: number): boolean {
  return s.pieces !== null && s.pieces.pieceAt(index) === undefined;
}

/**
 * Draws piece `index`: from the generator (`pickRandomTetrimino`) or from the piece source. The
 * caller checks `pieceMissing` first; a source answering outside 0..6 is a programming error.
 */
export function nextPiece(s: GameState, index: number): number {
  if (s.pieces === null) return drawPiece(s);
  const t = s.pieces.pieceAt(index);
  if (t === undefined || !Number.isInteger(t) || t < 0 || t > 6)
    throw new RangeError(`piece source has no piece type 0..6 at index ${index}, got ${String(t)}`);
  return t;
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
