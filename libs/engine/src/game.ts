import {
  CELL_DX,
  CELL_DY,
  HIDDEN_ORIENTATION,
  PIECE_TYPES,
  TYPE_OF_ORIENTATION,
  type PieceType,
} from './pieces.ts';
import {
  phaseOf,
  PlayState,
  playStateName,
  type GamePhase,
  type PlayStateName,
} from './play-state.ts';
import { scoreValue } from './scoring.ts';
import { validateGameOptions, type GameOptions } from './options.ts';
import type { PieceSource } from './piece-source.ts';
import { stateFromSnapshot, stateToSnapshot, type GameSnapshot } from './snapshot.ts';
import { BOARD_CELLS, cloneState, createState, GameState, nextDrawIndex } from './state.ts';
import { needsPiece, stepState } from './step.ts';
import { buildView, type GameView } from './view.ts';
import type { EngineVersion } from './versions.ts';

/**
 * One NES Tetris game. `step(buttons)` is the only mutation: one call is one NTSC frame. The
 * getters are cheap and allocation-free; `view()` builds a plain object for renderers. Pieces come
 * from the seed (`{ seed, startLevel }`) or from a `PieceSource` (`{ pieces, startLevel }`).
 */
export class Game {
  #s: GameState;

  /** Throws a RangeError on bad options, or when a piece source lacks the first two pieces. */
  constructor(opts: GameOptions) {
    validateGameOptions(opts);
    if (opts.pieces !== undefined) {
      if (opts.pieces.pieceAt(0) === undefined || opts.pieces.pieceAt(1) === undefined)
        throw new RangeError('a piece source must hold the first two pieces (current and NEXT)');
      this.#s = createState(0, opts.startLevel, opts.pieces, opts.version);
    } else this.#s = createState(opts.seed, opts.startLevel, null, opts.version);
  }

  /** Wraps an existing state (restore and clone). */
  private static fromState(state: GameState): Game {
    const g = new Game({ seed: 1, startLevel: state.startLevel });
    g.#s = state;
    return g;
  }

  /**
   * Simulates one frame with these held buttons (bits of `Button`); returns `GameEvent` bits. A
   * game fed by a piece source returns `GameEvent.NeedsPiece` and changes nothing while the piece
   * its next spawn draws is not known (see `needsPiece`).
   */
  step(buttons: number): number {
    return stepState(this.#s, buttons);
  }

  /** True when the next `step` would stall: a fed game must spawn a piece its source lacks. */
  get needsPiece(): boolean {
    return needsPiece(this.#s);
  }

  /** Index (in draw order) of the piece the next spawn draws: pieces in the well so far plus the NEXT. */
  get nextDrawIndex(): number {
    return nextDrawIndex(this.#s);
  }

  /** True for a game fed by a piece source (its seed is kept elsewhere). */
  get fed(): boolean {
    return this.#s.pieces !== null;
  }

  /** Plain JSON-serialisable data; `Game.restore` continues from it identically. */
  snapshot(): GameSnapshot {
    return stateToSnapshot(this.#s);
  }

  /**
   * Rebuilds a game from `snapshot()` data; throws `SnapshotError` naming the bad field. A snapshot
   * of a fed game (no generator fields) needs the piece source it continues from.
   */
  static restore(data: unknown, pieces?: PieceSource): Game {
    return Game.fromState(stateFromSnapshot(data, pieces ?? null));
  }

  /** An independent copy that continues identically (a fed game's clone reads the same source). */
  clone(): Game {
    return Game.fromState(cloneState(this.#s));
  }

  /** A plain-data view for renderers (allocates; call at most once per rendered frame). */
  view(): GameView {
    return buildView(this.#s);
  }

  /** Randomizer seed the game started with; 0 for a game fed by a piece source. */
  get seed(): number {
    return this.#s.seed;
  }
  /** The rules version this game runs under. */
  get version(): EngineVersion {
    return this.#s.version;
  }
  /** Level chosen at the start (0..29). */
  get startLevel(): number {
    return this.#s.startLevel;
  }
  /** Frames stepped so far (the top-out frame included). */
  get frame(): number {
    return this.#s.frame;
  }
  /** Score, 0..999,999 (decoded from the ROM's BCD bytes). */
  get score(): number {
    return scoreValue(this.#s);
  }
  /** Lines cleared so far. */
  get lines(): number {
    return this.#s.lines;
  }
  /** Current level (rises past 29; gravity stays at 1 frame per row). */
  get level(): number {
    return this.#s.levelNumber;
  }
  /** True once the game is over; `step` then does nothing and returns 0. */
  get topOut(): boolean {
    return this.#s.playState === PlayState.TopOut;
  }
  /** The ROM play state the game is in. */
  get playState(): PlayStateName {
    return playStateName(this.#s.playState);
  }
  /** Coarse phase for renderers: playing, lineClear, entry or topOut. */
  get phase(): GamePhase {
    return phaseOf(this.playState);
  }
  /** True while the player steers the piece (`playState_playerControlsActiveTetrimino`). */
  get controllable(): boolean {
    return this.#s.playState === PlayState.Control;
  }
  /** True while a piece is in the well and not yet written into the board. */
  get hasActivePiece(): boolean {
    const ps = this.#s.playState;
    return (
      (ps === PlayState.Control || ps === PlayState.Lock) &&
      this.#s.orientation !== HIDDEN_ORIENTATION
    );
  }
  /** Current piece type index 0..6 (meaningful while `hasActivePiece`). */
  get pieceTypeIndex(): number {
    const o = this.#s.orientation;
    return o === HIDDEN_ORIENTATION ? -1 : TYPE_OF_ORIENTATION[o]!;
  }
  /** Current piece letter, null while hidden during a clear. */
  get pieceType(): PieceType | null {
    return PIECE_TYPES[this.pieceTypeIndex] ?? null;
  }
  /** Orientation ID $00-$12 ($13 while hidden). */
  get orientation(): number {
    return this.#s.orientation;
  }
  /** Pivot column (`tetriminoX`). */
  get pieceX(): number {
    return this.#s.x;
  }
  /** Pivot row (`tetriminoY`), 0 at the top. */
  get pieceY(): number {
    return this.#s.y;
  }
  /** Next piece type index 0..6. */
  get nextTypeIndex(): number {
    return this.#s.nextType;
  }
  /** Next piece letter. */
  get nextType(): PieceType {
    return PIECE_TYPES[this.#s.nextType]!;
  }
  /** Pieces that have entered the well so far (the sum of the statistics). */
  get pieceCount(): number {
    const st = this.#s.stats;
    return st[0]! + st[1]! + st[2]! + st[3]! + st[4]! + st[5]! + st[6]!;
  }
  /** Pieces spawned of one type index (`statsByType`). */
  stat(typeIndex: number): number {
    return this.#s.stats[typeIndex] ?? 0;
  }
  /** Rows cleared by the most recent clear (read after `GameEvent.LinesCleared`). */
  get lastClearCount(): number {
    return this.#s.lastClearCount;
  }
  /** Board cell at (row 0..19, column 0..9): 0 empty, 1..7 piece type index + 1. */
  cell(row: number, col: number): number {
    return this.#s.board[row * 10 + col]!;
  }
  /** Copies the 200 visible cells (row-major) into `out` without allocating. */
  readBoard(out: Uint8Array): void {
    out.set(this.#s.board.subarray(0, BOARD_CELLS));
  }
  /** Writes the active piece's four cells as x0, y0, x1, y1, ... into `out` (length >= 8). */
  readPieceCells(out: Int8Array | number[]): void {
    const s = this.#s;
    const base = (s.orientation === HIDDEN_ORIENTATION ? 0 : s.orientation) * 4;
    for (let i = 0; i < 4; i++) {
      out[i * 2] = s.x + CELL_DX[base + i]!;
      out[i * 2 + 1] = s.y + CELL_DY[base + i]!;
    }
  }
}

/** The renderer view of a game: the same as `game.view()`. */
export function view(game: Game): GameView {
  return game.view();
}
